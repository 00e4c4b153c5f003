using System.Globalization;
using CloudClinic.Edge.Devices;
using CloudClinic.Edge.Devices.LineProtocol;

namespace CloudClinic.Edge.Gateway.Acquisition;

/// <summary>
/// The deterministic readingId (DESIGN.md §5): the same record read again — after a reconnect, a gateway restart or
/// a meter memory dump — gets the same id, so re-delivery is harmless downstream. Never uses arrival time.
/// The id has protocol + serial + kind + record number, plus the meter time in UTC: CCLP/1 record numbers are stable
/// per meter (docs/line-protocol.md §4) and the time keeps a meter whose counter was reset from reusing old ids; the
/// serial meters without record ids number a record by its own meter time (MeterTimeRecordNumber), which stays put
/// when a re-dumped memory shifts positions. Shapes:
/// <list type="bullet">
/// <item>meter clock known: <c>{protocol}-{serial}-{kind}-r{record}-{yyyyMMddTHHmmssZ}</c>;</item>
/// <item>clock with minutes only: <c>{protocol}-{serial}-{kind}-r{record}-{yyyyMMddTHHmmZ}-{values}</c>;</item>
/// <item>clock unknown: <c>{protocol}-{serial}-{kind}-r{record}</c>, plus <c>-{values}</c> for minute-resolution meters.</item>
/// </list>
/// </summary>
internal static class ReadingIdentity
{
    public static string For(MeterRecord record) => For(record, LineProtocolParser.ProtocolName);

    public static string For(MeterRecord record, string protocol)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{protocol}-{record.MeterSerial}-{record.Kind}-r{record.RecordNumber}");
        if (record.MeasuredAt is not { } measuredAt)
        {
            // Two tests in the same minute share a minute-based record number: the values keep them apart.
            return record.MeasuredAtHasSeconds ? prefix : $"{prefix}-{Values(record)}";
        }

        var utc = measuredAt.UtcDateTime;
        if (record.MeasuredAtHasSeconds)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{utc:yyyyMMdd'T'HHmmss}Z");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{utc:yyyyMMdd'T'HHmm}Z-{Values(record)}");
    }

    private static string Values(MeterRecord record) => record switch
    {
        BloodPressureRecord bp => string.Create(CultureInfo.InvariantCulture, $"{bp.SystolicMmHg:0.#}-{bp.DiastolicMmHg:0.#}")
            + (bp.PulseBpm is { } pulse ? string.Create(CultureInfo.InvariantCulture, $"-{pulse}") : string.Empty),
        GlucoseRecord gl => string.Create(CultureInfo.InvariantCulture, $"{gl.GlucoseMmolL:0.##}{gl.OutOfRange}"),
        _ => throw new ArgumentException($"no identity rule for {record.GetType().Name}", nameof(record)),
    };
}
