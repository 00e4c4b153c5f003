using CloudClinic.Contracts;

namespace CloudClinic.Storage.Influx;

/// <summary>
/// Maps a reading to one InfluxDB point (DESIGN.md §4). Series = measurement + tags, time = measuredAt in ms: the
/// same reading re-sent overwrites itself. Fields keep everything needed to rebuild the wire reading.
/// </summary>
internal static class ReadingPoints
{
    // Every point's keys, checked and escaped once (LineProtocolKey).
    private static readonly LineProtocolKey ClinicTag = InfluxSchema.ClinicTag;
    private static readonly LineProtocolKey GatewayTag = InfluxSchema.GatewayTag;
    private static readonly LineProtocolKey PatientTag = InfluxSchema.PatientTag;
    private static readonly LineProtocolKey DeviceModelTag = InfluxSchema.DeviceModelTag;
    private static readonly LineProtocolKey StationTag = InfluxSchema.StationTag;
    private static readonly LineProtocolKey MealTag = InfluxSchema.MealTag;
    private static readonly LineProtocolKey ReadingId = InfluxSchema.ReadingId;
    private static readonly LineProtocolKey MeasuredAt = InfluxSchema.MeasuredAt;
    private static readonly LineProtocolKey ReceivedAt = InfluxSchema.ReceivedAt;
    private static readonly LineProtocolKey ClockSource = InfluxSchema.ClockSource;
    private static readonly LineProtocolKey DeviceSerial = InfluxSchema.DeviceSerial;
    private static readonly LineProtocolKey DeviceTransport = InfluxSchema.DeviceTransport;
    private static readonly LineProtocolKey DeviceProtocol = InfluxSchema.DeviceProtocol;
    private static readonly LineProtocolKey Flags = InfluxSchema.Flags;
    private static readonly LineProtocolKey Systolic = InfluxSchema.Systolic;
    private static readonly LineProtocolKey Diastolic = InfluxSchema.Diastolic;
    private static readonly LineProtocolKey MeanArterial = InfluxSchema.MeanArterial;
    private static readonly LineProtocolKey Pulse = InfluxSchema.Pulse;
    private static readonly LineProtocolKey OriginalUnit = InfluxSchema.OriginalUnit;
    private static readonly LineProtocolKey MmolL = InfluxSchema.MmolL;
    private static readonly LineProtocolKey MgdL = InfluxSchema.MgdL;
    private static readonly LineProtocolKey Sample = InfluxSchema.Sample;
    private static readonly LineProtocolKey OutOfRange = InfluxSchema.OutOfRange;

    public static string ToLineProtocol(IReadOnlyList<ReadingMessage> readings)
    {
        using var writer = ToWriter(readings);
        return writer.ToString();
    }

    /// <summary>
    /// The points of <paramref name="readings"/>, still in the writer (see <see cref="LineProtocolContent"/>); the caller
    /// disposes it. Throws <see cref="ArgumentException"/> for a reading line protocol cannot carry (the writer disposed).
    /// </summary>
    public static LineProtocolWriter ToWriter(IReadOnlyList<ReadingMessage> readings)
    {
        var writer = new LineProtocolWriter();
        try
        {
            foreach (var reading in readings)
            {
                Append(writer, reading);
            }

            return writer;
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    public static void Append(LineProtocolWriter writer, ReadingMessage reading)
    {
        var measurement = reading.Kind switch
        {
            ReadingKinds.BloodPressure => InfluxSchema.BloodPressure,
            ReadingKinds.Glucose => InfluxSchema.Glucose,
            _ => throw new ArgumentException($"reading {reading.ReadingId}: unknown kind '{reading.Kind}'", nameof(reading)),
        };

        writer.Begin(measurement)
            .Tag(ClinicTag, InfluxTagValue.Encode(reading.ClinicId))
            .Tag(GatewayTag, InfluxTagValue.Encode(reading.GatewayId))
            .Tag(PatientTag, InfluxSchema.PatientTagValue(reading.PatientId))
            .Tag(DeviceModelTag, Encode(reading.Device.Model))
            .Tag(StationTag, Encode(reading.Station));
        if (measurement == InfluxSchema.Glucose)
        {
            writer.Tag(MealTag, Encode(reading.Meal));
        }

        writer.Field(ReadingId, reading.ReadingId)
            .Field(MeasuredAt, reading.MeasuredAt)
            .Field(ReceivedAt, reading.ReceivedAt)
            .Field(ClockSource, reading.ClockSource)
            .Field(DeviceSerial, reading.Device.Serial)
            .Field(DeviceTransport, reading.Device.Transport)
            .Field(DeviceProtocol, reading.Device.Protocol)
            .Field(Flags, reading.Flags, separator: ',');
        Number(writer, Systolic, reading.Systolic);
        Number(writer, Diastolic, reading.Diastolic);
        Number(writer, MeanArterial, reading.MeanArterial);
        Number(writer, Pulse, reading.Pulse);
        writer.Field(OriginalUnit, reading.OriginalUnit);
        Number(writer, MmolL, reading.MmolL);
        Number(writer, MgdL, reading.MgdL);
        writer.Field(Sample, reading.Sample)
            .Field(OutOfRange, reading.OutOfRange)
            .End(reading.MeasuredAt.ToUnixTimeMilliseconds());
    }

    private static string? Encode(string? value) => string.IsNullOrEmpty(value) ? null : InfluxTagValue.Encode(value);

    private static void Number(LineProtocolWriter writer, LineProtocolKey key, double? value)
    {
        if (value is { } number)
        {
            writer.Field(key, number);
        }
    }
}
