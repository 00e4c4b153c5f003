using System.Diagnostics.CodeAnalysis;
using CloudClinic.Contracts;
using CloudClinic.Edge.Devices.Codecs;
using CloudClinic.Edge.Devices.LineProtocol;

namespace CloudClinic.Edge.Devices.BloodPressure;

/// <summary>
/// Blood Pressure Measurement, characteristic 0x2A35 of the Blood Pressure Service 0x1810 (GATT Specification
/// Supplement; BLS 1.1.1). Pure; never throws on device input. kPa is converted to mmHg (× 7.50062, DESIGN.md §3).
/// </summary>
public static class BloodPressureMeasurementParser
{
    public const ushort CharacteristicUuid = 0x2A35;

    /// <summary>Strict: the specification as written (<see cref="BloodPressureProfiles.Standard"/>).</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, [NotNullWhen(true)] out BloodPressureMeasurement? measurement, [NotNullWhen(false)] out string? error) =>
        TryParse(value, BloodPressureProfiles.Standard, out measurement, out error);

    public static bool TryParse(
        ReadOnlySpan<byte> value,
        BloodPressureQuirks quirks,
        [NotNullWhen(true)] out BloodPressureMeasurement? measurement,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(quirks);
        measurement = null;
        if (!BloodPressureFrame.TryRead(value, quirks, out var frame, out error))
        {
            return false;
        }

        if (!TryPressure("systolic", frame.First, frame.IsKPa, out var systolic, out error)
            || !TryPressure("diastolic", frame.Second, frame.IsKPa, out var diastolic, out error))
        {
            return false;
        }

        if (systolic is < BloodPressureFields.MinSystolicMmHg or > BloodPressureFields.MaxSystolicMmHg
            || diastolic is < BloodPressureFields.MinDiastolicMmHg or > BloodPressureFields.MaxDiastolicMmHg || diastolic >= systolic)
        {
            error = $"impossible blood pressure {systolic}/{diastolic} mmHg";
            return false;
        }

        if (!TryMeanArterial(frame, quirks, systolic, diastolic, out var meanArterial, out error)
            || !TryPulse(frame.Pulse, out var pulse, out error))
        {
            return false;
        }

        var status = (BloodPressureStatus?)frame.Status;
        measurement = new BloodPressureMeasurement
        {
            SystolicMmHg = systolic,
            DiastolicMmHg = diastolic,
            MeanArterialMmHg = meanArterial,
            OriginalUnit = frame.IsKPa ? PressureUnits.KPa : PressureUnits.MmHg,
            HasTimestamp = frame.HasTimestamp,
            MeasuredAtLocal = frame.Timestamp,
            PulseBpm = pulse,
            UserId = frame.UserId,
            Status = status,
            PulseRateRange = (PulseRateRange)(((frame.Status ?? 0) >> 3) & 0b11),
            Flags = WireFlags(status ?? BloodPressureStatus.None),
            Profile = quirks.Name,
        };
        return true;
    }

    internal static bool TryPressure(string name, MderNumber raw, bool kPa, out double mmHg, [NotNullWhen(false)] out string? error)
    {
        mmHg = 0;
        if (!raw.TryGetValue(out var value))
        {
            error = raw.Kind is MderValueKind.PositiveInfinity or MderValueKind.NegativeInfinity
                ? $"{name} is {raw} (outside the meter's range)"
                : $"{name} is {raw} (the meter did not measure it)";
            return false;
        }

        mmHg = kPa ? UnitConversions.KPaToMmHg(value) : value;
        error = null;
        return true;
    }

    internal static IReadOnlyList<string> WireFlags(BloodPressureStatus status)
    {
        var flags = new List<string>(4);
        if (status.HasFlag(BloodPressureStatus.IrregularPulse))
        {
            flags.Add(ReadingFlags.IrregularPulse);
        }

        if (status.HasFlag(BloodPressureStatus.BodyMovement))
        {
            flags.Add(ReadingFlags.BodyMovement);
        }

        if (status.HasFlag(BloodPressureStatus.CuffTooLoose))
        {
            flags.Add(ReadingFlags.CuffLoose);
        }

        if (status.HasFlag(BloodPressureStatus.ImproperPosition))
        {
            flags.Add(ReadingFlags.ImproperPosition);
        }

        return flags;
    }

    private static bool TryMeanArterial(BloodPressureFrame frame, BloodPressureQuirks quirks, double systolic, double diastolic, out double? mmHg, [NotNullWhen(false)] out string? error)
    {
        mmHg = null;
        error = null;
        var raw = frame.Third;
        // GATT: a MAP the meter did not compute is NaN; only a named profile may say 0 means the same.
        if (raw.Kind == MderValueKind.NaN || (quirks.ZeroMeanArterialMeansAbsent && raw is { IsNumber: true, Mantissa: 0 }))
        {
            return true;
        }

        if (!TryPressure("mean arterial pressure", raw, frame.IsKPa, out var map, out error))
        {
            return false;
        }

        if (map < diastolic || map > systolic)
        {
            error = $"mean arterial pressure {map} mmHg is outside {diastolic}-{systolic} (a meter that sends 0 for 'not measured' needs its quirk profile)";
            return false;
        }

        mmHg = map;
        return true;
    }

    private static bool TryPulse(MderNumber? raw, out int? bpm, [NotNullWhen(false)] out string? error)
    {
        bpm = null;
        error = null;
        if (raw is not { } pulse || pulse.Kind == MderValueKind.NaN)
        {
            return true;
        }

        if (!pulse.TryGetValue(out var value) || value < BloodPressureFields.MinPulseBpm || value > BloodPressureFields.MaxPulseBpm)
        {
            error = $"pulse {pulse} is not {BloodPressureFields.MinPulseBpm}-{BloodPressureFields.MaxPulseBpm} bpm (big-endian pulse? see the meter's quirk profile)";
            return false;
        }

        bpm = (int)Math.Round(value, MidpointRounding.AwayFromZero);
        return true;
    }
}
