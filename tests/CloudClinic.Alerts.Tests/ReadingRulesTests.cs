using CloudClinic.Alerts.CarePlans;
using CloudClinic.Alerts.Rules;
using CloudClinic.Contracts;
using CloudClinic.Registry.Model;

namespace CloudClinic.Alerts.Tests;

/// <summary>Every boundary of DESIGN.md §6 at the default plan (age 60, no diabetes: 140/90), comparator and rounding included.</summary>
public sealed class ReadingRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly CarePlanTargets General = CarePlanDefaults.For(60, [Conditions.Hypertension]);

    [Theory]
    [InlineData(179, 109, RuleVerdict.Hold)]
    [InlineData(180, 80, RuleVerdict.Fire)]
    [InlineData(120, 110, RuleVerdict.Fire)]
    [InlineData(179.4, 109.4, RuleVerdict.Hold)]
    [InlineData(179.5, 80, RuleVerdict.Fire)]
    [InlineData(139, 89, RuleVerdict.Clear)]
    public void BpUrgent_MmHg_FiresFrom180Or110(double systolic, double diastolic, RuleVerdict expected) =>
        Assert.Equal(expected, Verdict(new BpUrgentRule(), TestReadings.Bp("r", systolic, diastolic, At), General));

    [Theory]
    [InlineData(24.0, 12.0, RuleVerdict.Fire)] // 180.01 mmHg → 180
    [InlineData(23.9, 12.0, RuleVerdict.Hold)] // 179.26 → 179
    [InlineData(16.0, 14.7, RuleVerdict.Fire)] // DBP 110.26 → 110
    [InlineData(16.0, 14.5, RuleVerdict.Hold)] // DBP 108.76 → 109
    public void BpUrgent_KPaMeter_ComparesWholeMmHg(double systolicKPa, double diastolicKPa, RuleVerdict expected)
    {
        var reading = TestReadings.Bp("r", systolicKPa * TestReadings.MmHgPerKPa, diastolicKPa * TestReadings.MmHgPerKPa, At) with { OriginalUnit = PressureUnits.KPa };

        Assert.Equal(expected, Verdict(new BpUrgentRule(), reading, General));
    }

    [Theory]
    [InlineData(139, 89, 60, RuleVerdict.Clear)]
    [InlineData(140, 70, 60, RuleVerdict.Fire)]
    [InlineData(120, 90, 60, RuleVerdict.Fire)]
    [InlineData(182, 90, 60, RuleVerdict.Hold)] // urgent: reported by bp-urgent alone
    [InlineData(149, 89, 80, RuleVerdict.Clear)] // age 80: 150/90
    [InlineData(150, 80, 80, RuleVerdict.Fire)]
    [InlineData(149, 89, 79, RuleVerdict.Fire)] // age 79: 140/90
    public void BpAboveTarget_ByAge_UsesPlanTarget(double systolic, double diastolic, int age, RuleVerdict expected) =>
        Assert.Equal(expected, Verdict(new BpAboveTargetRule(), TestReadings.Bp("r", systolic, diastolic, At), CarePlanDefaults.For(age, [])));

    [Theory]
    [InlineData(129, 79, RuleVerdict.Clear)]
    [InlineData(130, 70, RuleVerdict.Fire)]
    [InlineData(125, 80, RuleVerdict.Fire)]
    public void BpAboveTarget_WithDiabetes_130Over80(double systolic, double diastolic, RuleVerdict expected) =>
        Assert.Equal(expected, Verdict(new BpAboveTargetRule(), TestReadings.Bp("r", systolic, diastolic, At), CarePlanDefaults.For(70, [Conditions.Diabetes])));

    [Theory]
    [InlineData(true, 145, RuleVerdict.Fire)]
    [InlineData(false, 145, RuleVerdict.Hold)]
    [InlineData(null, 145, RuleVerdict.Hold)]
    [InlineData(true, 135, RuleVerdict.Clear)]
    public void BpUncontrolledTwice_NeedsPreviousAboveTarget(bool? previous, double systolic, RuleVerdict expected) =>
        Assert.Equal(expected, new BpUncontrolledTwiceRule().Evaluate(ReadingFacts.From(TestReadings.Bp("r", systolic, 80, At), previous), General));

    [Theory]
    [InlineData(89, 70, RuleVerdict.Fire)]
    [InlineData(90, 60, RuleVerdict.Clear)]
    [InlineData(100, 59, RuleVerdict.Fire)]
    public void BpLow_Below90Or60(double systolic, double diastolic, RuleVerdict expected) =>
        Assert.Equal(expected, Verdict(new BpLowRule(), TestReadings.Bp("r", systolic, diastolic, At), General));

    [Theory]
    [InlineData(16.6, RuleVerdict.Hold)]
    [InlineData(16.65, RuleVerdict.Fire)] // displays 16.7
    [InlineData(16.7, RuleVerdict.Fire)]
    [InlineData(9.9, RuleVerdict.Clear)]
    public void GlucoseUrgentHigh_From16Point7(double mmolL, RuleVerdict expected) =>
        Assert.Equal(expected, Verdict(new GlucoseUrgentHighRule(), TestReadings.Glucose("g", mmolL, MealContexts.Casual, At), General));

    [Theory]
    [InlineData(4.0, RuleVerdict.Clear)]
    [InlineData(3.9, RuleVerdict.Fire)]
    [InlineData(3.85, RuleVerdict.Fire)] // displays 3.9: ≤ 3.9
    [InlineData(3.0, RuleVerdict.Fire)]
    [InlineData(2.9, RuleVerdict.Hold)] // level 2 reports it
    public void GlucoseUrgentLow_AtMost3Point9(double mmolL, RuleVerdict expected) =>
        Assert.Equal(expected, Verdict(new GlucoseUrgentLowRule(), TestReadings.Glucose("g", mmolL, MealContexts.Fasting, At), General));

    [Theory]
    [InlineData(3.0, RuleVerdict.Hold)]
    [InlineData(2.95, RuleVerdict.Hold)] // displays 3.0: not < 3.0
    [InlineData(2.9, RuleVerdict.Fire)]
    [InlineData(4.0, RuleVerdict.Clear)]
    public void GlucoseHypoLevel2_Below3Point0(double mmolL, RuleVerdict expected) =>
        Assert.Equal(expected, Verdict(new GlucoseHypoLevel2Rule(), TestReadings.Glucose("g", mmolL, MealContexts.Fasting, At), General));

    [Theory]
    [InlineData(300, RuleIds.GlucoseUrgentHigh)] // 16.65 → 16.7
    [InlineData(299, null)] // 16.60
    [InlineData(70, RuleIds.GlucoseUrgentLow)] // 3.885 → 3.9
    [InlineData(72, null)] // 3.996 → 4.0
    [InlineData(54, RuleIds.GlucoseUrgentLow)] // 2.997 → 3.0: level 1, not level 2 (ADA: level 2 is < 54)
    [InlineData(53, RuleIds.GlucoseHypoLevel2)] // 2.94 → 2.9
    public void UrgentGlucose_MgdLMeter_ConvertsThenRounds(double mgdL, string? expectedUrgentRule)
    {
        var reading = TestReadings.Glucose("g", Math.Round(mgdL / 18.016, 2), MealContexts.Casual, At) with { MgdL = mgdL };

        Assert.Equal(expectedUrgentRule, Firing(reading, General).SingleOrDefault(r => r is RuleIds.GlucoseUrgentHigh or RuleIds.GlucoseUrgentLow or RuleIds.GlucoseHypoLevel2));
    }

    [Theory]
    [InlineData(OutOfRangeMarks.High, new[] { RuleIds.GlucoseUrgentHigh })]
    [InlineData(OutOfRangeMarks.Low, new[] { RuleIds.GlucoseHypoLevel2 })]
    public void MeterHiLo_FiresUrgentWithoutValue(string mark, string[] expected) =>
        Assert.Equal(expected, Firing(TestReadings.Glucose("g", null, MealContexts.Unknown, At) with { OutOfRange = mark }, General));

    [Theory]
    [InlineData(MealContexts.Fasting, 6.9, null)]
    [InlineData(MealContexts.Fasting, 7.0, RuleIds.GlucoseFastingAboveTarget)]
    [InlineData(MealContexts.Preprandial, 7.0, RuleIds.GlucoseFastingAboveTarget)]
    [InlineData(MealContexts.Postprandial, 7.0, null)]
    [InlineData(MealContexts.Postprandial, 9.9, null)]
    [InlineData(MealContexts.Postprandial, 10.0, RuleIds.GlucoseNonFastingAboveTarget)]
    [InlineData(MealContexts.Unknown, 10.0, RuleIds.GlucoseNonFastingAboveTarget)]
    [InlineData(MealContexts.Casual, 16.7, RuleIds.GlucoseUrgentHigh)] // inhibits above-target
    public void GlucoseAboveTarget_ByMealContext(string meal, double mmolL, string? expected) =>
        Assert.Equal(expected, Firing(TestReadings.Glucose("g", mmolL, meal, At), General).SingleOrDefault());

    [Fact]
    public void AllRules_NormalReadings_NothingFires()
    {
        Assert.Empty(Firing(TestReadings.Bp("r", 128, 78, At), General));
        Assert.Empty(Firing(TestReadings.Glucose("g", 5.6, MealContexts.Fasting, At), General));
    }

    private static RuleVerdict Verdict(IReadingRule rule, ReadingMessage reading, CarePlanTargets plan) =>
        rule.Evaluate(ReadingFacts.From(reading), plan);

    private static string[] Firing(ReadingMessage reading, CarePlanTargets plan)
    {
        var facts = ReadingFacts.From(reading);
        return [.. ReadingRules.All.Where(r => r.Evaluate(facts, plan) == RuleVerdict.Fire).Select(r => r.Id)];
    }
}
