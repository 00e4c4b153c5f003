using CloudClinic.Contracts;

namespace CloudClinic.Edge.Devices.Simulation;

/// <summary>
/// Plausible readings of elderly patients for the demo and the meter simulator: mostly controlled or mildly raised
/// blood pressure (110-150 / 70-95) and everyday glucose, sometimes an urgent one (DESIGN.md §6: SBP ≥ 180 or
/// DBP ≥ 110; glucose ≥ 16.7 or ≤ 3.9). Deterministic for a given seed, so a demo or a test run can be replayed.
/// Not cryptographic randomness: nothing here is secret.
/// </summary>
public sealed class PlausibleReadingGenerator
{
    private static readonly string[] Meals =
        [MealContexts.Fasting, MealContexts.Preprandial, MealContexts.Postprandial, MealContexts.Bedtime, MealContexts.Casual];

    private readonly Random _random;

    public PlausibleReadingGenerator(int seed, double urgentProbability = 0.1, double glucoseProbability = 0.35)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(urgentProbability, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(urgentProbability, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(glucoseProbability, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(glucoseProbability, 1);
#pragma warning disable CA5394 // Seeded on purpose: demo and test runs must be reproducible; nothing is secret.
        _random = new Random(seed);
#pragma warning restore CA5394
        UrgentProbability = urgentProbability;
        GlucoseProbability = glucoseProbability;
    }

    public double UrgentProbability { get; }

    public double GlucoseProbability { get; }

    /// <summary>A blood pressure or glucose record (by <see cref="GlucoseProbability"/>).</summary>
    public MeterRecord Next(string meterSerial, long recordNumber, DateTimeOffset? measuredAt) =>
        Next(meterSerial, recordNumber, measuredAt, kind: null, urgent: null);

    /// <param name="kind"><see cref="ReadingKinds"/>; null = by <see cref="GlucoseProbability"/>.</param>
    /// <param name="urgent">Force an urgent (true) or ordinary (false) value; null = by <see cref="UrgentProbability"/>.</param>
    public MeterRecord Next(string meterSerial, long recordNumber, DateTimeOffset? measuredAt, string? kind, bool? urgent) =>
        (kind ?? (Chance(GlucoseProbability) ? ReadingKinds.Glucose : ReadingKinds.BloodPressure)) == ReadingKinds.Glucose
            ? NextGlucose(meterSerial, recordNumber, measuredAt, urgent)
            : NextBloodPressure(meterSerial, recordNumber, measuredAt, urgent);

    public BloodPressureRecord NextBloodPressure(string meterSerial, long recordNumber, DateTimeOffset? measuredAt, bool? urgent = null)
    {
        int systolic, diastolic;
        if (urgent ?? Chance(UrgentProbability))
        {
            // Grade 3 hypertension, as in "182/112" on a clinic wall.
            systolic = Between(176, 205);
            diastolic = systolic >= 180 ? Between(95, 118) : Between(110, 118);
        }
        else
        {
            systolic = Between(110, 150);
            diastolic = Math.Min(Between(70, 95), systolic - 30);
        }

        var pulse = Between(58, 96);
        var kPa = Chance(0.05);
        return new BloodPressureRecord
        {
            MeterSerial = meterSerial,
            RecordNumber = recordNumber,
            MeasuredAt = measuredAt,
            // A kPa meter reports to 0.1 kPa: round-trip through its display resolution.
            SystolicMmHg = kPa ? UnitConversions.KPaToMmHg(UnitConversions.MmHgToKPa(systolic)) : systolic,
            DiastolicMmHg = kPa ? UnitConversions.KPaToMmHg(UnitConversions.MmHgToKPa(diastolic)) : diastolic,
            PulseBpm = pulse,
            OriginalUnit = kPa ? PressureUnits.KPa : PressureUnits.MmHg,
            Flags = Chance(0.04) ? [ReadingFlags.IrregularPulse] : [],
        };
    }

    public GlucoseRecord NextGlucose(string meterSerial, long recordNumber, DateTimeOffset? measuredAt, bool? urgent = null)
    {
        var meal = Meals[_random.Next(Meals.Length)];
        double mmolL;
        string? outOfRange = null;
        if (urgent ?? Chance(UrgentProbability))
        {
            var hypo = Chance(0.3);
            mmolL = hypo ? Tenths(2.6, 3.8) : Tenths(16.8, 24.0);
            if (Chance(0.1))
            {
                // The meter showed HI/LO; the value is its measuring limit.
                (mmolL, outOfRange) = hypo ? (1.1, OutOfRangeMarks.Low) : (33.3, OutOfRangeMarks.High);
            }
        }
        else
        {
            mmolL = meal == MealContexts.Fasting ? Tenths(4.4, 7.8) : Tenths(5.0, 11.5);
        }

        var mgdL = Chance(0.1) ? UnitConversions.MmolLToMgdL(mmolL) : (double?)null;
        return new GlucoseRecord
        {
            MeterSerial = meterSerial,
            RecordNumber = recordNumber,
            MeasuredAt = measuredAt,
            GlucoseMmolL = mgdL is { } v ? UnitConversions.MgdLToMmolL(v) : mmolL,
            GlucoseMgdL = mgdL,
            Meal = meal,
            OutOfRange = outOfRange,
        };
    }

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private int Between(int min, int maxInclusive) => _random.Next(min, maxInclusive + 1);

    private double Tenths(double min, double max) => Math.Round(min + (_random.NextDouble() * (max - min)), 1);
}
