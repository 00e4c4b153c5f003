using CloudClinic.Contracts;
using CloudClinic.Edge.Devices;

namespace CloudClinic.Edge.Gateway.Acquisition;

/// <summary>Turns a meter record into the wire reading (DESIGN.md §3). Readings go out unassigned (no check-in yet).</summary>
internal static class ReadingMapper
{
    /// <param name="extraFlags">Flags the gateway adds, e.g. <see cref="GatewayReadingFlags.ClockDrift"/>.</param>
    /// <param name="readingId">The driver's own deterministic key (BLE: serial + RACP sequence); null = <see cref="ReadingIdentity"/>.</param>
    public static ReadingMessage Map(MeterRecord record, ReadingSource source, DateTimeOffset receivedAt, IReadOnlyList<string>? extraFlags = null, string? readingId = null)
    {
        var reading = new ReadingMessage
        {
            Schema = ReadingMessage.SchemaV1,
            ReadingId = readingId ?? ReadingIdentity.For(record, source.Protocol),
            ClinicId = source.ClinicId,
            GatewayId = source.GatewayId,
            PatientId = null,
            Station = source.Station,
            Kind = record.Kind,
            // No valid meter clock: the gateway's receive time stands in, and says so.
            MeasuredAt = record.MeasuredAt ?? receivedAt,
            ClockSource = record.MeasuredAt is null ? ClockSources.Gateway : null,
            ReceivedAt = receivedAt,
            Device = new DeviceInfo
            {
                Model = source.Model,
                Serial = record.MeterSerial,
                Transport = source.Transport,
                Protocol = source.Protocol,
            },
            Flags = extraFlags is { Count: > 0 } ? [.. record.Flags, .. extraFlags.Except(record.Flags, StringComparer.Ordinal)] : record.Flags,
        };

        return record switch
        {
            BloodPressureRecord bp => reading with
            {
                Systolic = bp.SystolicMmHg,
                Diastolic = bp.DiastolicMmHg,
                MeanArterial = bp.MeanArterialMmHg,
                Pulse = bp.PulseBpm,
                OriginalUnit = bp.OriginalUnit,
            },
            GlucoseRecord gl => reading with
            {
                MmolL = gl.GlucoseMmolL,
                MgdL = gl.GlucoseMgdL,
                Meal = gl.Meal,
                OutOfRange = gl.OutOfRange,
            },
            _ => throw new ArgumentException($"no wire mapping for {record.GetType().Name}", nameof(record)),
        };
    }
}
