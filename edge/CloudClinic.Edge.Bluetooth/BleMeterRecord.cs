using CloudClinic.Edge.Devices;

namespace CloudClinic.Edge.Bluetooth;

/// <summary>
/// One measurement from a BLE meter, decoded and ready for the gateway's outbox. Neutral: no clinic, patient or wire
/// format. <see cref="IBleRecordSink.CommitAsync"/> receives it; the session waits for the commit before it goes on.
/// </summary>
public sealed record BleMeterRecord
{
    public required BleMeterIdentity Meter { get; init; }

    /// <summary>A <see cref="BloodPressureRecord"/> or a <see cref="GlucoseRecord"/> (with the context's meal).</summary>
    public required MeterRecord Reading { get; init; }

    /// <summary>
    /// The characteristic value the record was decoded from (0x2A35, or 0x2A18 without its context), for a caller
    /// that must keep the bytes when it cannot store the record (e.g. a full outbox).
    /// </summary>
    public ReadOnlyMemory<byte> Raw { get; init; }

    /// <summary>Glucose Measurement sequence number (0x2A18); null for blood pressure (0x2A35 has none).</summary>
    public ushort? Sequence { get; init; }

    /// <summary>Gateway clock when the value arrived.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary><c>meter</c>, or <c>gateway</c> when the meter sent no valid clock (year 0): then use <see cref="ReceivedAt"/>.</summary>
    public required string ClockSource { get; init; }

    /// <summary>Meter clock minus gateway clock, from Current Time 0x2A2B at connect; null when unknown.</summary>
    public TimeSpan? MeterClockOffset { get; init; }

    /// <summary>The meter's clock is more than the configured limit (5 min) off, or this measurement is from the future.</summary>
    public required bool ClockDrift { get; init; }

    /// <summary>
    /// Deterministic, stable across reconnects and restarts (DESIGN.md §5): glucose <c>ble-{serial}-glucose-s{sequence}</c>;
    /// blood pressure <c>ble-{serial}-bloodPressure-t{meter time yyyyMMddTHHmmss}</c>, or with no meter clock
    /// <c>ble-{serial}-bloodPressure-rx{receivedAt UTC yyyyMMddTHHmmssfff}</c> (an indication is delivered once).
    /// </summary>
    public required string IdempotencyKey { get; init; }
}
