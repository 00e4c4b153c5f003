using System.Diagnostics.CodeAnalysis;
using CloudClinic.Contracts;
using CloudClinic.Edge.Devices.Codecs;

namespace CloudClinic.Edge.Devices.Glucose;

/// <summary>
/// Glucose Measurement, characteristic 0x2A18 of the Glucose Service 0x1808 (GATT Specification Supplement; GLS
/// 1.0): flags u8, sequence u16, base time (7), [time offset s16 min], [concentration SFLOAT + type/location u8],
/// [sensor status u16]. Pure; never throws on device input.
/// </summary>
public static class GlucoseMeasurementParser
{
    public const ushort CharacteristicUuid = 0x2A18;

    // Flags (GATT Specification Supplement, Glucose Measurement Flags); bits 5-7 are reserved.
    private const byte TimeOffsetPresent = 1 << 0;
    private const byte ConcentrationPresent = 1 << 1;
    private const byte UnitMolPerLitre = 1 << 2;
    private const byte StatusPresent = 1 << 3;
    private const byte ContextFollows = 1 << 4;

    public static bool TryParse(ReadOnlySpan<byte> value, [NotNullWhen(true)] out GlucoseMeasurement? measurement, [NotNullWhen(false)] out string? error)
    {
        measurement = null;
        var cursor = new ByteCursor(value);
        if (!cursor.TryByte(out var flags) || !cursor.TryUInt16(out var sequence))
        {
            error = "truncated before the sequence number";
            return false;
        }

        if (!GattDateTime.TryRead(ref cursor, out var baseTime, out error))
        {
            return false;
        }

        short? offset = null;
        if ((flags & TimeOffsetPresent) != 0)
        {
            if (!cursor.TryInt16(out var minutes))
            {
                return Fail("truncated in the time offset", out error);
            }

            offset = minutes;
        }

        MderNumber? concentration = null;
        byte typeLocation = 0;
        if ((flags & ConcentrationPresent) != 0)
        {
            if (!cursor.TrySFloat(out var c) || !cursor.TryByte(out typeLocation))
            {
                return Fail("truncated in the concentration or type/location", out error);
            }

            concentration = c;
        }

        GlucoseSensorStatus? status = null;
        if ((flags & StatusPresent) != 0)
        {
            if (!cursor.TryUInt16(out var s))
            {
                return Fail("truncated in the sensor status", out error);
            }

            status = (GlucoseSensorStatus)s;
        }

        if (cursor.Remaining != 0)
        {
            return Fail($"{cursor.Remaining} byte(s) left over after the fields flags 0x{flags:X2} announce", out error);
        }

        var molPerLitre = (flags & UnitMolPerLitre) != 0;
        double? mmolL = null;
        double? mgdL = null;
        string? outOfRange = null;
        if (concentration is { } raw && !TryConcentration(raw, molPerLitre, status ?? GlucoseSensorStatus.None, out mmolL, out mgdL, out outOfRange, out error))
        {
            return false;
        }

        // Year 9999 plus a positive offset has no DateTime: a meter clock that far out is broken anyway.
        if (baseTime is { } b && (DateTime.MaxValue - b).TotalMinutes < (offset ?? 0))
        {
            return Fail($"base time {b:yyyy-MM-dd HH:mm:ss} plus {offset} minutes is past year 9999", out error);
        }

        measurement = new GlucoseMeasurement
        {
            Sequence = sequence,
            MeasuredAtLocal = baseTime?.AddMinutes(offset ?? 0),
            TimeOffsetMinutes = offset,
            ConcentrationUnit = concentration is null ? null : molPerLitre ? GlucoseMeasurement.MolPerLitre : GlucoseMeasurement.KgPerLitre,
            GlucoseMmolL = mmolL,
            GlucoseMgdL = mgdL,
            OutOfRange = outOfRange,
            SampleType = concentration is null ? null : (GlucoseSampleType)(typeLocation & 0x0F),
            SampleLocation = concentration is null ? null : (GlucoseSampleLocation)(typeLocation >> 4),
            Status = status,
            ContextFollows = (flags & ContextFollows) != 0,
        };
        return true;
    }

    private static bool TryConcentration(
        MderNumber raw,
        bool molPerLitre,
        GlucoseSensorStatus status,
        out double? mmolL,
        out double? mgdL,
        out string? outOfRange,
        [NotNullWhen(false)] out string? error)
    {
        mmolL = null;
        mgdL = null;
        error = null;
        // ±INF and status bits 5/6 are the meter's LO/HI: an alert-worthy result, never dropped as "no value".
        outOfRange = raw.Kind == MderValueKind.PositiveInfinity || status.HasFlag(GlucoseSensorStatus.ResultHigherThanDeviceCanProcess)
            ? OutOfRangeMarks.High
            : raw.Kind == MderValueKind.NegativeInfinity || status.HasFlag(GlucoseSensorStatus.ResultLowerThanDeviceCanProcess)
                ? OutOfRangeMarks.Low
                : null;

        double stored;
        if (raw.Kind is MderValueKind.PositiveInfinity or MderValueKind.NegativeInfinity)
        {
            stored = raw.Kind == MderValueKind.PositiveInfinity ? GlucoseLimits.HighMgdL : GlucoseLimits.LowMgdL;
            mgdL = stored;
            mmolL = UnitConversions.MgdLToMmolL(stored);
            return true;
        }

        // kg/L × 10^5 = mg/dL and mol/L × 10^3 = mmol/L, applied to the exponent so no rounding creeps in.
        if (!raw.TryGetValue(molPerLitre ? 3 : 5, out stored))
        {
            error = $"concentration is {raw} (the meter has no result)";
            return false;
        }

        if (stored < 0)
        {
            error = $"concentration {raw} is negative";
            return false;
        }

        if (molPerLitre)
        {
            mmolL = stored;
            mgdL = UnitConversions.MmolLToMgdL(stored);
        }
        else
        {
            mgdL = stored;
            mmolL = UnitConversions.MgdLToMmolL(stored);
        }

        return true;
    }

    private static bool Fail(string reason, out string error)
    {
        error = reason;
        return false;
    }
}
