using System.Diagnostics.Metrics;

namespace CloudClinic.Ingestion;

/// <summary>
/// Instruments of the ingest (System.Diagnostics.Metrics; export with OpenTelemetry or dotnet-counters). Durations
/// are in seconds, as OpenTelemetry's semantic conventions ask.
/// </summary>
internal sealed class IngestMetrics
{
    public const string MeterName = "CloudClinic.Ingestion";
    public const string Received = "cloudclinic.ingest.messages.received";
    public const string Stored = "cloudclinic.ingest.readings.stored";
    public const string DeadLettered = "cloudclinic.ingest.messages.dead_lettered";
    public const string WriteDuration = "cloudclinic.ingest.write.duration";
    public const string BatchSize = "cloudclinic.ingest.batch.size";
    public const string InFlight = "cloudclinic.ingest.messages.in_flight";

    /// <summary>Tag on <see cref="WriteDuration"/>: <c>ok</c> or the store's failure kind (transient, rejected, too_large).</summary>
    public const string OutcomeTag = "outcome";

    private readonly Counter<long> _received;
    private readonly Counter<long> _stored;
    private readonly Counter<long> _deadLettered;
    private readonly Histogram<double> _writeDuration;
    private readonly Histogram<long> _batchSize;
    private readonly UpDownCounter<long> _inFlight;

    public IngestMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _received = meter.CreateCounter<long>(Received, "{message}", "MQTT messages taken from the readings topics");
        _stored = meter.CreateCounter<long>(Stored, "{reading}", "Readings durably written to the reading store");
        _deadLettered = meter.CreateCounter<long>(DeadLettered, "{message}", "Messages refused and kept in the dead-letter store");
        _writeDuration = meter.CreateHistogram<double>(WriteDuration, "s", "Duration of one write of a batch to the reading store");
        _batchSize = meter.CreateHistogram<long>(BatchSize, "{message}", "Messages handled together before one round of acknowledgements");
        _inFlight = meter.CreateUpDownCounter<long>(InFlight, "{message}", "Messages received from the broker and not yet acknowledged");
    }

    public void MessageReceived() => _received.Add(1);

    public void ReadingsStored(int count) => _stored.Add(count);

    public void MessageDeadLettered() => _deadLettered.Add(1);

    public void WriteFinished(TimeSpan duration, string outcome) =>
        _writeDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>(OutcomeTag, outcome));

    public void BatchHandled(int messages) => _batchSize.Record(messages);

    /// <summary>+1 as a message arrives from the broker, −1 once it is acknowledged or left to the broker to re-send.</summary>
    public void InFlightChanged(int delta) => _inFlight.Add(delta);
}
