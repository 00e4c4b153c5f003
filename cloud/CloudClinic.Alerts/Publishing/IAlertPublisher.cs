using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Publishing;

/// <summary>Sends alert events to the dashboards (DESIGN.md §3, <c>cloudclinic/v1/{clinic}/alerts</c>).</summary>
public interface IAlertPublisher
{
    /// <summary>Returns once the broker accepted the event (QoS 1 PUBACK); throws <see cref="AlertPublishException"/> otherwise.</summary>
    Task PublishAsync(AlertEventMessage alert, CancellationToken ct);
}
