using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Rules;

/// <summary>A clinical rule checked against every stored reading (DESIGN.md §6).</summary>
public interface IAlertRule
{
    /// <summary>Rule id on the wire, e.g. <c>bp-urgent</c>.</summary>
    string Id { get; }

    /// <summary>The alert the reading raises, or null. Pure apart from the clock: the same reading gives the same alert id.</summary>
    AlertEventMessage? Evaluate(ReadingMessage reading);
}
