using CloudClinic.Contracts;

namespace CloudClinic.Edge.Devices.LineProtocol;

/// <summary><c>CCGL,serial,record,time,value,unit,meal,HI|LO,flags</c> (docs/line-protocol.md §4.2).</summary>
internal static class GlucoseFields
{
    public const int FieldCount = 9;
    public const string MmolUnit = "mmol";
    public const string MgdlUnit = "mgdl";

    // Wider than any strip meter's range (typically 1.1-33.3 mmol/L, 20-600 mg/dL) but excludes the impossible.
    public const double MinMmolL = 0.5;
    public const double MaxMmolL = 55.5;
    public const double MinMgdL = 9;
    public const double MaxMgdL = 1000;

    public static bool TryParse(string[] f, out MeterRecord? record, out string? error)
    {
        record = null;
        if (!RecordHeader.TryParse(f, FieldCount, out var header, out error))
        {
            return false;
        }

        double mmolL;
        double? mgdL = null;
        switch (f[5])
        {
            case MmolUnit:
                if (!LineProtocolFields.TryParseDecimal(f[4], 2, 2, out mmolL) || mmolL < MinMmolL || mmolL > MaxMmolL)
                {
                    return LineProtocolParser.Fail($"glucose '{f[4]}' is not a number of {MinMmolL}-{MaxMmolL} mmol/L", out error!);
                }

                break;
            case MgdlUnit:
                if (!LineProtocolFields.TryParseDecimal(f[4], 4, 0, out var stored) || stored < MinMgdL || stored > MaxMgdL)
                {
                    return LineProtocolParser.Fail($"glucose '{f[4]}' is not a whole number of {MinMgdL}-{MaxMgdL} mg/dL", out error!);
                }

                mgdL = stored;
                mmolL = UnitConversions.MgdLToMmolL(stored);
                break;
            default:
                return LineProtocolParser.Fail($"glucose unit '{f[5]}' is not {MmolUnit} or {MgdlUnit}", out error!);
        }

        if (!MealContexts.All.Contains(f[6]))
        {
            return LineProtocolParser.Fail($"meal '{f[6]}' is not one of {string.Join('|', MealContexts.All.Order(StringComparer.Ordinal))}", out error!);
        }

        string? outOfRange = f[7] switch
        {
            "HI" => OutOfRangeMarks.High,
            "LO" => OutOfRangeMarks.Low,
            "" => null,
            _ => "?",
        };
        if (outOfRange == "?")
        {
            return LineProtocolParser.Fail($"range mark '{f[7]}' is not HI, LO or empty", out error!);
        }

        if (!LineProtocolFlags.TryParse(f[8], LineProtocolFlags.Glucose, out var flags, out error))
        {
            return false;
        }

        record = new GlucoseRecord
        {
            MeterSerial = header.Serial,
            RecordNumber = header.RecordNumber,
            MeasuredAt = header.MeasuredAt,
            MeasuredAtHasSeconds = header.HasSeconds,
            GlucoseMmolL = mmolL,
            GlucoseMgdL = mgdL,
            Meal = f[6],
            OutOfRange = outOfRange,
            Flags = flags,
        };
        return true;
    }
}
