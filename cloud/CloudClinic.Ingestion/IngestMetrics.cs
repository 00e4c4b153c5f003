using System.Diagnostics.Metrics;

namespace CloudClinic.Ingestion;

/// <summary>Counters of the ingest (System.Diagnostics.Metrics; export with OpenTelemetry or dotnet-counters).</summary>
internal sealed class IngestMetrics
{
    public const string MeterName = "CloudClinic.Ingestion";
    public const string Received = "cloudclinic.ingest.messages.received";
    public const string Stored = "cloudclinic.ingest.readings.stored";
    public const string DeadLettered = "cloudclinic.ingest.messages.dead_lettered";

    private readonly Counter<long> _received;
    private readonly Counter<long> _stored;
    private readonly Counter<long> _deadLettered;

    public IngestMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _received = meter.CreateCounter<long>(Received, "{message}", "MQTT messages taken from the readings topics");
        _stored = meter.CreateCounter<long>(Stored, "{reading}", "Readings durably written to the reading store");
        _deadLettered = meter.CreateCounter<long>(DeadLettered, "{message}", "Messages refused and kept in the dead-letter store");
    }

    public void MessageReceived() => _received.Add(1);

    public void ReadingsStored(int count) => _stored.Add(count);

    public void MessageDeadLettered() => _deadLettered.Add(1);
}
