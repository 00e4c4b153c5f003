using System.Diagnostics.Metrics;

namespace CloudClinic.Dashboard.Relay;

/// <summary>
/// What the live relay has done: broker connection and message counts. Read by <c>/healthz</c> and exported as
/// metrics (meter <see cref="MeterName"/>) so a rejected payload is counted, never silent.
/// </summary>
internal sealed class RelayState : IDisposable
{
    public const string MeterName = "CloudClinic.Dashboard";

    private readonly Meter _meter;
    private readonly Counter<long> _messages;
    private long _relayed;
    private long _rejected;
    private volatile bool _connected;

    public RelayState(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _messages = _meter.CreateCounter<long>(
            "cloudclinic.dashboard.relay.messages",
            unit: "{message}",
            description: "MQTT messages seen by the live relay, by outcome (relayed, rejected).");
    }

    public bool IsConnected => _connected;

    /// <summary>Messages pushed to browsers.</summary>
    public long Relayed => Interlocked.Read(ref _relayed);

    /// <summary>Messages that could not be parsed or did not match their topic.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Sets the connection flag; true when it changed (so a transition is logged once).</summary>
    public bool SetConnected(bool connected)
    {
        var changed = _connected != connected;
        _connected = connected;
        return changed;
    }

    public void CountRelayed()
    {
        Interlocked.Increment(ref _relayed);
        _messages.Add(1, new KeyValuePair<string, object?>("outcome", "relayed"));
    }

    public void CountRejected()
    {
        Interlocked.Increment(ref _rejected);
        _messages.Add(1, new KeyValuePair<string, object?>("outcome", "rejected"));
    }

    public void Dispose() => _meter.Dispose();
}
