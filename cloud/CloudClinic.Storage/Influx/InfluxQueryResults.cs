using System.Globalization;
using System.Text.Json;
using CloudClinic.Contracts;

namespace CloudClinic.Storage.Influx;

/// <summary>
/// Reads the JSON of InfluxDB's <c>/query</c> (<c>{"results":[{"series":[{"name","columns","values"}]}]}</c>, times as
/// epoch ms) back into readings. Points that lack what a reading needs (written by some other tool) are skipped.
/// </summary>
internal static class InfluxQueryResults
{
    /// <summary>Throws <see cref="ReadingStoreException"/> (Rejected) when InfluxDB reported an error for any statement.</summary>
    public static void ThrowIfError(JsonElement root)
    {
        if (FirstError(root) is { } error)
        {
            throw new ReadingStoreException(ReadingStoreFailure.Rejected, $"InfluxDB query failed: {error}");
        }
    }

    /// <summary>The request's or the first statement's error text, or null when every statement succeeded.</summary>
    public static string? FirstError(JsonElement root)
    {
        if (root.TryGetProperty("error", out var error))
        {
            return error.GetString() ?? "(no text)";
        }

        if (root.TryGetProperty("results", out var results))
        {
            foreach (var result in results.EnumerateArray())
            {
                if (result.TryGetProperty("error", out var statementError))
                {
                    return statementError.GetString() ?? "(no text)";
                }
            }
        }

        return null;
    }

    public static List<ReadingMessage> ReadReadings(JsonElement root) =>
        [.. Rows(root).Select(row => ToReading(row.Measurement, row.Values)).OfType<ReadingMessage>()];

    /// <summary>
    /// Each point as a reading together with what identifies the point itself: its measurement, its timestamp and its
    /// tag values exactly as stored (still encoded), for statements such as DELETE that must name one point.
    /// </summary>
    public static List<StoredPoint> ReadPoints(JsonElement root) =>
    [
        .. Rows(root)
            .Select(row => (row, Reading: ToReading(row.Measurement, row.Values), Time: EpochMs(row.Values)))
            .Where(p => p.Reading is not null && p.Time is not null && p.row.Measurement is not null)
            .Select(p => new StoredPoint(
                p.row.Measurement!,
                p.Time!.Value.ToUnixTimeMilliseconds(),
                InfluxSchema.Tags.ToDictionary(t => t, t => Text(p.row.Values, t) ?? string.Empty, StringComparer.Ordinal),
                p.Reading!)),
    ];

    /// <summary>
    /// Every row of every series, keyed by column name. A series' <c>tags</c> (present under <c>GROUP BY tag</c>,
    /// which moves those tags out of the columns) are copied into each of its rows.
    /// </summary>
    public static IEnumerable<(string? Measurement, Dictionary<string, JsonElement> Values)> Rows(JsonElement root)
    {
        ThrowIfError(root);
        if (!root.TryGetProperty("results", out var results))
        {
            yield break;
        }

        foreach (var result in results.EnumerateArray())
        {
            if (!result.TryGetProperty("series", out var seriesList))
            {
                continue;
            }

            foreach (var series in seriesList.EnumerateArray())
            {
                var name = series.GetProperty("name").GetString();
                var columns = series.GetProperty("columns").EnumerateArray().Select(c => c.GetString() ?? string.Empty).ToArray();
                if (!series.TryGetProperty("values", out var rows))
                {
                    continue;
                }

                foreach (var row in rows.EnumerateArray())
                {
                    var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                    if (series.TryGetProperty("tags", out var tags))
                    {
                        foreach (var tag in tags.EnumerateObject())
                        {
                            values[tag.Name] = tag.Value;
                        }
                    }

                    var i = 0;
                    foreach (var cell in row.EnumerateArray())
                    {
                        if (i < columns.Length && cell.ValueKind != JsonValueKind.Null)
                        {
                            values[columns[i]] = cell;
                        }

                        i++;
                    }

                    yield return (name, values);
                }
            }
        }
    }

    private static ReadingMessage? ToReading(string? measurement, Dictionary<string, JsonElement> row)
    {
        var kind = measurement switch
        {
            InfluxSchema.BloodPressure => ReadingKinds.BloodPressure,
            InfluxSchema.Glucose => ReadingKinds.Glucose,
            _ => null,
        };
        var readingId = Text(row, InfluxSchema.ReadingId);
        var clinic = Text(row, InfluxSchema.ClinicTag);
        var gateway = Text(row, InfluxSchema.GatewayTag);
        var measuredAt = Time(row, InfluxSchema.MeasuredAt) ?? EpochMs(row);
        if (kind is null || readingId is null || clinic is null || gateway is null || measuredAt is null)
        {
            return null;
        }

        var patient = Text(row, InfluxSchema.PatientTag);
        return new ReadingMessage
        {
            Schema = ReadingMessage.SchemaV1,
            ReadingId = readingId,
            ClinicId = InfluxTagValue.Decode(clinic),
            GatewayId = InfluxTagValue.Decode(gateway),
            PatientId = patient is null or InfluxSchema.Unassigned ? null : InfluxTagValue.Decode(patient),
            Station = Tag(row, InfluxSchema.StationTag),
            Kind = kind,
            MeasuredAt = measuredAt.Value,
            ClockSource = Text(row, InfluxSchema.ClockSource),
            ReceivedAt = Time(row, InfluxSchema.ReceivedAt) ?? measuredAt.Value,
            Device = new DeviceInfo
            {
                Model = Tag(row, InfluxSchema.DeviceModelTag) ?? string.Empty,
                Serial = Text(row, InfluxSchema.DeviceSerial) ?? string.Empty,
                Transport = Text(row, InfluxSchema.DeviceTransport) ?? string.Empty,
                Protocol = Text(row, InfluxSchema.DeviceProtocol) ?? string.Empty,
            },
            Systolic = Number(row, InfluxSchema.Systolic),
            Diastolic = Number(row, InfluxSchema.Diastolic),
            MeanArterial = Number(row, InfluxSchema.MeanArterial),
            Pulse = Number(row, InfluxSchema.Pulse),
            OriginalUnit = Text(row, InfluxSchema.OriginalUnit),
            MmolL = Number(row, InfluxSchema.MmolL),
            MgdL = Number(row, InfluxSchema.MgdL),
            Meal = Tag(row, InfluxSchema.MealTag),
            Sample = Text(row, InfluxSchema.Sample),
            OutOfRange = Text(row, InfluxSchema.OutOfRange),
            Flags = Text(row, InfluxSchema.Flags)?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
        };
    }

    private static string? Text(Dictionary<string, JsonElement> row, string key) =>
        row.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Tag(Dictionary<string, JsonElement> row, string key) =>
        Text(row, key) is { Length: > 0 } value ? InfluxTagValue.Decode(value) : null;

    private static double? Number(Dictionary<string, JsonElement> row, string key) =>
        row.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static DateTimeOffset? EpochMs(Dictionary<string, JsonElement> row) =>
        row.TryGetValue("time", out var value) && value.TryGetInt64(out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    private static DateTimeOffset? Time(Dictionary<string, JsonElement> row, string key) =>
        Text(row, key) is { } text
        && DateTimeOffset.TryParseExact(text, "o", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : null;
}
