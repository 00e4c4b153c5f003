using CloudClinic.Contracts;

namespace CloudClinic.Edge.Devices.LineProtocol;

/// <summary>
/// <c>CCBP,serial,record,time,sys,dia,map,pulse,unit,flags</c> (docs/line-protocol.md §4.1). Limits are what a
/// living adult can show and a cuff meter can measure; outside them the frame is corrupt, not the patient.
/// </summary>
internal static class BloodPressureFields
{
    public const int FieldCount = 10;
    public const double MinSystolicMmHg = 40;
    public const double MaxSystolicMmHg = 300;
    public const double MinDiastolicMmHg = 20;
    public const double MaxDiastolicMmHg = 200;
    public const int MinPulseBpm = 20;
    public const int MaxPulseBpm = 250;

    public static bool TryParse(string[] f, out MeterRecord? record, out string? error)
    {
        record = null;
        if (!RecordHeader.TryParse(f, FieldCount, out var header, out error))
        {
            return false;
        }

        var unit = f[8];
        if (unit is not (PressureUnits.MmHg or PressureUnits.KPa))
        {
            return LineProtocolParser.Fail($"pressure unit '{unit}' is not mmHg or kPa", out error!);
        }

        var kPa = unit == PressureUnits.KPa;
        if (!TryPressure(f[4], kPa, "systolic", out var systolic, out error)
            || !TryPressure(f[5], kPa, "diastolic", out var diastolic, out error))
        {
            return false;
        }

        double? meanArterial = null;
        if (f[6].Length > 0)
        {
            if (!TryPressure(f[6], kPa, "mean arterial", out var map, out error))
            {
                return false;
            }

            meanArterial = map;
        }

        int? pulse = null;
        if (f[7].Length > 0)
        {
            if (!LineProtocolFields.TryParseDecimal(f[7], 3, 0, out var bpm) || bpm < MinPulseBpm || bpm > MaxPulseBpm)
            {
                return LineProtocolParser.Fail($"pulse '{f[7]}' is not a whole number of {MinPulseBpm}-{MaxPulseBpm} bpm", out error!);
            }

            pulse = (int)bpm;
        }

        if (systolic is < MinSystolicMmHg or > MaxSystolicMmHg || diastolic is < MinDiastolicMmHg or > MaxDiastolicMmHg || diastolic >= systolic)
        {
            return LineProtocolParser.Fail(
                $"impossible blood pressure {systolic}/{diastolic} mmHg (want systolic {MinSystolicMmHg}-{MaxSystolicMmHg}, diastolic {MinDiastolicMmHg}-{MaxDiastolicMmHg}, diastolic below systolic)",
                out error!);
        }

        if (meanArterial is { } m && (m < diastolic || m > systolic))
        {
            return LineProtocolParser.Fail($"mean arterial pressure {m} mmHg is outside {diastolic}-{systolic}", out error!);
        }

        if (!LineProtocolFlags.TryParse(f[9], LineProtocolFlags.BloodPressure, out var flags, out error))
        {
            return false;
        }

        record = new BloodPressureRecord
        {
            MeterSerial = header.Serial,
            RecordNumber = header.RecordNumber,
            MeasuredAt = header.MeasuredAt,
            MeasuredAtHasSeconds = header.HasSeconds,
            SystolicMmHg = systolic,
            DiastolicMmHg = diastolic,
            MeanArterialMmHg = meanArterial,
            PulseBpm = pulse,
            OriginalUnit = unit,
            Flags = flags,
        };
        return true;
    }

    private static bool TryPressure(string field, bool kPa, string name, out double mmHg, out string? error)
    {
        mmHg = 0;
        // mmHg: up to 3 integer digits and 1 decimal; kPa: up to 2 integer digits and 2 decimals (meters show 0.1).
        var ok = kPa
            ? LineProtocolFields.TryParseDecimal(field, 2, 2, out var value)
            : LineProtocolFields.TryParseDecimal(field, 3, 1, out value);
        if (!ok)
        {
            return LineProtocolParser.Fail($"{name} '{field}' is not a number in {(kPa ? "kPa" : "mmHg")}", out error!);
        }

        mmHg = kPa ? UnitConversions.KPaToMmHg(value) : value;
        error = null;
        return true;
    }
}
