using CloudClinic.Alerts.CarePlans;

namespace CloudClinic.Alerts.Rules;

/// <summary>A DESIGN.md §6 rule on one reading: pure, no clock, no I/O.</summary>
public interface IReadingRule
{
    string Id { get; }

    /// <summary>The contract's AlertSeverities.</summary>
    string Severity { get; }

    /// <summary>Urgent and critical rules fire for unassigned readings and unknown patients too (DESIGN.md §6).</summary>
    bool FiresWithoutPatient { get; }

    RuleVerdict Evaluate(in ReadingFacts reading, CarePlanTargets plan);
}
