using CloudClinic.Contracts;

namespace CloudClinic.Storage.Influx;

/// <summary>
/// Maps a reading to one InfluxDB point (DESIGN.md §4). Series = measurement + tags, time = measuredAt in ms: the
/// same reading re-sent overwrites itself. Fields keep everything needed to rebuild the wire reading.
/// </summary>
internal static class ReadingPoints
{
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
            .Tag(InfluxSchema.ClinicTag, InfluxTagValue.Encode(reading.ClinicId))
            .Tag(InfluxSchema.GatewayTag, InfluxTagValue.Encode(reading.GatewayId))
            .Tag(InfluxSchema.PatientTag, InfluxSchema.PatientTagValue(reading.PatientId))
            .Tag(InfluxSchema.DeviceModelTag, Encode(reading.Device.Model))
            .Tag(InfluxSchema.StationTag, Encode(reading.Station));
        if (measurement == InfluxSchema.Glucose)
        {
            writer.Tag(InfluxSchema.MealTag, Encode(reading.Meal));
        }

        writer.Field(InfluxSchema.ReadingId, reading.ReadingId)
            .Field(InfluxSchema.MeasuredAt, reading.MeasuredAt)
            .Field(InfluxSchema.ReceivedAt, reading.ReceivedAt)
            .Field(InfluxSchema.ClockSource, reading.ClockSource)
            .Field(InfluxSchema.DeviceSerial, reading.Device.Serial)
            .Field(InfluxSchema.DeviceTransport, reading.Device.Transport)
            .Field(InfluxSchema.DeviceProtocol, reading.Device.Protocol)
            .Field(InfluxSchema.Flags, reading.Flags, separator: ',');
        Number(writer, InfluxSchema.Systolic, reading.Systolic);
        Number(writer, InfluxSchema.Diastolic, reading.Diastolic);
        Number(writer, InfluxSchema.MeanArterial, reading.MeanArterial);
        Number(writer, InfluxSchema.Pulse, reading.Pulse);
        writer.Field(InfluxSchema.OriginalUnit, reading.OriginalUnit);
        Number(writer, InfluxSchema.MmolL, reading.MmolL);
        Number(writer, InfluxSchema.MgdL, reading.MgdL);
        writer.Field(InfluxSchema.Sample, reading.Sample)
            .Field(InfluxSchema.OutOfRange, reading.OutOfRange)
            .End(reading.MeasuredAt.ToUnixTimeMilliseconds());
    }

    private static string? Encode(string? value) => string.IsNullOrEmpty(value) ? null : InfluxTagValue.Encode(value);

    private static void Number(LineProtocolWriter writer, string key, double? value)
    {
        if (value is { } number)
        {
            writer.Field(key, number);
        }
    }
}
