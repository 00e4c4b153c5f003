using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CloudClinic.Contracts;

namespace CloudClinic.Edge.Devices.Decoding;

/// <summary>Writes decoded values with the wire contract's field names (DESIGN.md §3), one JSON object per call.</summary>
internal static class DecodeJson
{
    public static string Object(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping: the output is for a terminal, where "+08:00" reads better than "\u002B08:00".
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The reading fields of a record: kind, measuredAt (or clockSource gateway), values, flags.</summary>
    public static void Record(Utf8JsonWriter w, MeterRecord record, string protocol)
    {
        w.WriteString("kind", record.Kind);
        w.WriteString("protocol", protocol);
        if (record.MeasuredAt is { } at)
        {
            w.WriteString("measuredAt", at.ToString(record.MeasuredAtHasSeconds ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture));
        }
        else
        {
            // No valid meter clock: the gateway's receive time stands in (DESIGN.md §3).
            w.WriteString("clockSource", ClockSources.Gateway);
        }

        switch (record)
        {
            case BloodPressureRecord bp:
                w.WriteNumber("systolic", bp.SystolicMmHg);
                w.WriteNumber("diastolic", bp.DiastolicMmHg);
                Optional(w, "meanArterial", bp.MeanArterialMmHg);
                Optional(w, "pulse", bp.PulseBpm);
                w.WriteString("originalUnit", bp.OriginalUnit);
                break;
            case GlucoseRecord gl:
                w.WriteNumber("mmolL", gl.GlucoseMmolL);
                Optional(w, "mgdL", gl.GlucoseMgdL);
                w.WriteString("meal", gl.Meal);
                if (gl.OutOfRange is { } mark)
                {
                    w.WriteString("outOfRange", mark);
                }

                break;
        }

        Strings(w, "flags", record.Flags);
    }

    public static void Optional(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    public static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    /// <summary>The names of the set bits of a [Flags] enum, e.g. <c>["batteryLow","timeFault"]</c>.</summary>
    public static void FlagNames<T>(Utf8JsonWriter w, string name, T value)
        where T : struct, Enum
    {
        var raw = Convert.ToUInt64(value, CultureInfo.InvariantCulture);
        Strings(w, name, Enum.GetValues<T>()
            .Where(f => Convert.ToUInt64(f, CultureInfo.InvariantCulture) is var bit && bit != 0 && (raw & bit) == bit)
            .Select(f => JsonNamingPolicy.CamelCase.ConvertName(f.ToString())));
    }
}
