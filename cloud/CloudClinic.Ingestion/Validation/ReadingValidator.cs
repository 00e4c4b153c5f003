using System.Buffers;
using System.Globalization;
using CloudClinic.Contracts;

namespace CloudClinic.Ingestion.Validation;

/// <summary>
/// Checks one reading against wire contract v1 (DESIGN.md §3) and the topic it came on. Returns a reason a person
/// can act on, or null when the reading may be stored. Pure: the clock is passed in.
/// </summary>
internal static class ReadingValidator
{
    // char.IsControl as a set, for a vectorised scan of every text field of every reading.
    private static readonly SearchValues<char> ControlCharacters =
        SearchValues.Create([.. Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(char.IsControl)]);

    /// <summary>A meter's clock may run a little fast; more than this ahead is a broken clock, not a measurement.</summary>
    public static readonly TimeSpan MaxClockAhead = TimeSpan.FromMinutes(10);

    /// <summary>No CloudClinic meter predates this; earlier means an unset meter clock sent without clockSource "gateway".</summary>
    public static readonly DateTimeOffset EarliestMeasurement = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const int MaxIdLength = 128;

    public static string? Validate(ReadingMessage reading, string topicClinicId, string topicGatewayId, DateTimeOffset now)
    {
        if (reading.Schema != ReadingMessage.SchemaV1)
        {
            return $"schema '{reading.Schema}' is not '{ReadingMessage.SchemaV1}'";
        }

        if (CheckText("readingId", reading.ReadingId, required: true, 256) is { } badId)
        {
            return badId;
        }

        // A gateway publishes only on its own topic (broker ACL), so a body naming another clinic is a spoof or a bug.
        if (reading.ClinicId != topicClinicId)
        {
            return $"clinicId '{reading.ClinicId}' does not match the topic's clinic '{topicClinicId}'";
        }

        if (reading.GatewayId != topicGatewayId)
        {
            return $"gatewayId '{reading.GatewayId}' does not match the topic's gateway '{topicGatewayId}'";
        }

        var problem = CheckText("patientId", reading.PatientId, required: false, MaxIdLength)
            ?? CheckText("station", reading.Station, required: false, 64)
            ?? CheckTime(reading, now)
            ?? CheckDevice(reading.Device)
            ?? CheckFlags(reading.Flags)
            ?? (reading.ClockSource is null or ClockSources.Meter or ClockSources.Gateway
                ? null
                : $"clockSource '{reading.ClockSource}' is not '{ClockSources.Meter}' or '{ClockSources.Gateway}'");
        if (problem is not null)
        {
            return problem;
        }

        return reading.Kind switch
        {
            ReadingKinds.BloodPressure => PhysiologicalRanges.CheckBloodPressure(reading),
            ReadingKinds.Glucose => PhysiologicalRanges.CheckGlucose(reading),
            _ => $"kind '{reading.Kind}' is not '{ReadingKinds.BloodPressure}' or '{ReadingKinds.Glucose}'",
        };
    }

    private static string? CheckTime(ReadingMessage reading, DateTimeOffset now)
    {
        if (reading.MeasuredAt > now + MaxClockAhead)
        {
            return $"measuredAt {Format(reading.MeasuredAt)} is more than {MaxClockAhead.TotalMinutes:0} minutes in the future (now {Format(now)})";
        }

        return reading.MeasuredAt < EarliestMeasurement
            ? $"measuredAt {Format(reading.MeasuredAt)} is before {EarliestMeasurement.Year} (an unset meter clock?)"
            : null;
    }

    private static string? CheckDevice(DeviceInfo? device)
    {
        if (device is null)
        {
            return "device is missing";
        }

        return CheckText("device.model", device.Model, required: true, MaxIdLength)
            ?? CheckText("device.serial", device.Serial, required: true, MaxIdLength)
            ?? CheckText("device.protocol", device.Protocol, required: true, 64)
            ?? (device.Transport is Transports.Serial or Transports.Ble
                ? null
                : $"device.transport '{device.Transport}' is not '{Transports.Serial}' or '{Transports.Ble}'");
    }

    private static string? CheckFlags(IReadOnlyList<string>? flags)
    {
        // Flags are camelCase words; the InfluxDB store keeps them comma-joined, so nothing else is accepted.
        foreach (var flag in flags ?? [])
        {
            if (string.IsNullOrEmpty(flag) || flag.Length > 64 || !flag.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return $"flag '{flag}' is not a word of letters, digits, '_' or '-'";
            }
        }

        return null;
    }

    private static string? CheckText(string field, string? value, bool required, int maxLength)
    {
        if (value is null)
        {
            return required ? $"{field} is missing" : null;
        }

        if (value.Length == 0 || value.Length > maxLength)
        {
            return $"{field} must be 1–{maxLength} characters (has {value.Length})";
        }

        return value.AsSpan().ContainsAny(ControlCharacters) ? $"{field} contains control characters" : null;
    }

    private static string Format(DateTimeOffset time) => time.ToString("o", CultureInfo.InvariantCulture);
}
