using System.Diagnostics.CodeAnalysis;
using CloudClinic.Edge.Devices.Clock;
using CloudClinic.Edge.Devices.BloodPressure;
using CloudClinic.Edge.Devices.Glucose;

namespace CloudClinic.Edge.Devices.Decoding;

/// <summary>The GATT characteristics of <see cref="DeviceFrameDecoder"/>.</summary>
internal static class BleDecoders
{
    // Decoding has no meter identity: placeholders where the driver would put the meter's serial and record id.
    private const string NoSerial = "decode";

    public static bool TryBloodPressure(byte[] bytes, string? profileName, TimeZoneInfo zone, [NotNullWhen(true)] out string? json, [NotNullWhen(false)] out string? error)
    {
        json = null;
        var profile = BloodPressureProfiles.Standard;
        if (profileName is not null && !BloodPressureProfiles.TryGet(profileName, out profile))
        {
            error = $"unknown blood pressure profile '{profileName}' (known: {string.Join(", ", BloodPressureProfiles.All.Select(p => p.Name))})";
            return false;
        }

        if (!BloodPressureMeasurementParser.TryParse(bytes, profile, out var m, out error))
        {
            return false;
        }

        var record = m.ToRecord(NoSerial, 0, OffsetAt(m.MeasuredAtLocal, zone));
        json = DecodeJson.Object(w =>
        {
            DecodeJson.Record(w, record, "2A35");
            if (m.UserId is { } user)
            {
                w.WriteNumber("userId", user);
            }

            w.WriteString("profile", m.Profile);
        });
        return true;
    }

    public static bool TryCuffPressure(byte[] bytes, out string? json, [NotNullWhen(false)] out string? error)
    {
        json = null;
        if (IntermediateCuffPressureParser.TryParse(bytes, out var cuff, out error))
        {
            error = $"intermediate cuff pressure {cuff.CurrentMmHg} mmHg: a progress value while the cuff inflates, never a reading";
        }

        return false;
    }

    public static bool TryGlucose(byte[] bytes, TimeZoneInfo zone, [NotNullWhen(true)] out string? json, [NotNullWhen(false)] out string? error)
    {
        json = null;
        if (!GlucoseMeasurementParser.TryParse(bytes, out var m, out error) || !m.TryToRecord(NoSerial, OffsetAt(m.MeasuredAtLocal, zone), null, out var record, out error))
        {
            return false;
        }

        json = DecodeJson.Object(w =>
        {
            w.WriteNumber("sequence", m.Sequence);
            DecodeJson.Record(w, record, "2A18");
            if (m.SampleType is { } type)
            {
                w.WriteString("sample", System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(type.ToString()));
            }

            if (m.Status is { } status)
            {
                DecodeJson.FlagNames(w, "status", status);
            }

            w.WriteBoolean("contextFollows", m.ContextFollows);
        });
        return true;
    }

    public static bool TryContext(byte[] bytes, [NotNullWhen(true)] out string? json, [NotNullWhen(false)] out string? error)
    {
        json = null;
        if (!GlucoseContextParser.TryParse(bytes, out var c, out error))
        {
            return false;
        }

        json = DecodeJson.Object(w =>
        {
            w.WriteNumber("sequence", c.Sequence);
            w.WriteString("meal", c.Meal);
            DecodeJson.Optional(w, "carbohydrateGrams", c.CarbohydrateGrams);
            DecodeJson.Optional(w, c.MedicationInMillilitres ? "medicationMl" : "medicationMg", c.Medication);
            DecodeJson.Optional(w, "hbA1cPercent", c.HbA1cPercent);
            DecodeJson.Optional(w, "exerciseSeconds", c.ExerciseDurationSeconds);
        });
        return true;
    }

    public static bool TryRacp(byte[] bytes, [NotNullWhen(true)] out string? json, [NotNullWhen(false)] out string? error)
    {
        json = null;
        if (!RecordAccessControlPoint.TryParseResponse(bytes, out var r, out error))
        {
            return false;
        }

        json = DecodeJson.Object(w =>
        {
            DecodeJson.Optional(w, "numberOfRecords", r.NumberOfRecords);
            DecodeJson.Optional(w, "requestOpCode", r.RequestOpCode);
            if (r.Code is { } code)
            {
                w.WriteString("responseCode", System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(code.ToString()));
            }

            w.WriteBoolean("completedNormally", r.CompletedNormally);
        });
        return true;
    }

    /// <summary>The zone's offset at the meter's own time (not today's); any offset will do when there is no time.</summary>
    private static TimeSpan OffsetAt(DateTime? meterLocalTime, TimeZoneInfo zone) =>
        meterLocalTime is { } local ? MeterClock.OffsetAt(local, zone) : zone.BaseUtcOffset;
}
