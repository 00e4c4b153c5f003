using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CloudClinic.Contracts;
using CloudClinic.Edge.Devices;

namespace CloudClinic.Edge.Simulator;

/// <summary>
/// Parses <c>--readings</c>: items separated by ';', each
/// <c>bp:SYS/DIA[/PULSE][:kPa]</c> (values in mmHg, or in kPa with <c>:kPa</c>) or
/// <c>glucose:VALUE[:MEAL]</c> with VALUE in mmol/L, <c>NNNmgdl</c>, <c>HI</c> or <c>LO</c>.
/// </summary>
internal static class ReadingScript
{
    public static bool TryParse(string script, string serial, [NotNullWhen(true)] out IReadOnlyList<Func<long, DateTimeOffset, MeterRecord>>? makers, [NotNullWhen(false)] out string? error)
    {
        var list = new List<Func<long, DateTimeOffset, MeterRecord>>();
        makers = null;
        foreach (var item in script.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split(':');
            Func<long, DateTimeOffset, MeterRecord>? maker = parts[0] switch
            {
                "bp" => BloodPressure(parts, serial),
                "glucose" => Glucose(parts, serial),
                _ => null,
            };
            if (maker is null)
            {
                error = $"--readings item '{item}' is not bp:SYS/DIA[/PULSE][:kPa] or glucose:VALUE[:MEAL]";
                return false;
            }

            list.Add(maker);
        }

        makers = list;
        error = null;
        return list.Count > 0 || Fail("--readings has no items", out error);
    }

    private static Func<long, DateTimeOffset, MeterRecord>? BloodPressure(string[] parts, string serial)
    {
        if (parts.Length is < 2 or > 3 || (parts.Length == 3 && parts[2] != PressureUnits.KPa))
        {
            return null;
        }

        var kPa = parts.Length == 3;
        var numbers = parts[1].Split('/');
        if (numbers.Length is < 2 or > 3 || !Number(numbers[0], out var sys) || !Number(numbers[1], out var dia))
        {
            return null;
        }

        int? pulse = null;
        if (numbers.Length == 3)
        {
            if (!int.TryParse(numbers[2], NumberStyles.None, CultureInfo.InvariantCulture, out var p))
            {
                return null;
            }

            pulse = p;
        }

        return (record, at) => new BloodPressureRecord
        {
            MeterSerial = serial,
            RecordNumber = record,
            MeasuredAt = at,
            SystolicMmHg = kPa ? UnitConversions.KPaToMmHg(sys) : sys,
            DiastolicMmHg = kPa ? UnitConversions.KPaToMmHg(dia) : dia,
            PulseBpm = pulse,
            OriginalUnit = kPa ? PressureUnits.KPa : PressureUnits.MmHg,
        };
    }

    private static Func<long, DateTimeOffset, MeterRecord>? Glucose(string[] parts, string serial)
    {
        if (parts.Length is < 2 or > 3)
        {
            return null;
        }

        var meal = parts.Length == 3 ? parts[2] : MealContexts.Unknown;
        if (!MealContexts.All.Contains(meal))
        {
            return null;
        }

        var value = parts[1];
        double mmolL;
        double? mgdL = null;
        string? outOfRange = null;
        if (value == "HI")
        {
            (mmolL, outOfRange) = (33.3, OutOfRangeMarks.High);
        }
        else if (value == "LO")
        {
            (mmolL, outOfRange) = (1.1, OutOfRangeMarks.Low);
        }
        else if (value.EndsWith("mgdl", StringComparison.Ordinal) && Number(value[..^4], out var stored))
        {
            mgdL = stored;
            mmolL = UnitConversions.MgdLToMmolL(stored);
        }
        else if (!Number(value, out mmolL))
        {
            return null;
        }

        return (record, at) => new GlucoseRecord
        {
            MeterSerial = serial,
            RecordNumber = record,
            MeasuredAt = at,
            GlucoseMmolL = mmolL,
            GlucoseMgdL = mgdL,
            Meal = meal,
            OutOfRange = outOfRange,
        };
    }

    private static bool Number(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    private static bool Fail(string reason, out string error)
    {
        error = reason;
        return false;
    }
}
