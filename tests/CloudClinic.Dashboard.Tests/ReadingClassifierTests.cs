using CloudClinic.Contracts;
using CloudClinic.Dashboard.Clinical;
using CloudClinic.Dashboard.Tests.Infrastructure;

namespace CloudClinic.Dashboard.Tests;

/// <summary>Wall colours at the DESIGN.md §6 boundaries (whole mmHg, 0.1 mmol/L as meters display them).</summary>
public sealed class ReadingClassifierTests
{
    [Theory]
    [InlineData(180, 80, "urgent")]
    [InlineData(179.97, 80, "urgent")] // 24.0 kPa converted: counts as 180, as BpUrgentRule does
    [InlineData(150, 110, "urgent")]
    [InlineData(179, 109, "above-target")]
    [InlineData(140, 70, "above-target")]
    [InlineData(120, 90, "above-target")]
    [InlineData(139, 89, "normal")]
    [InlineData(90, 60, "normal")]
    [InlineData(89, 70, "low")]
    [InlineData(110, 59, "low")]
    public void Classify_BloodPressure_UsesGuidelineBoundaries(double systolic, double diastolic, string expected)
    {
        var reading = Samples.BloodPressure("c", "g", "r", systolic, diastolic, Samples.Morning);

        Assert.Equal(expected, ReadingClassifier.Classify(reading, GuidelineDefaults.Targets));
    }

    [Theory]
    [InlineData(2.9, MealContexts.Fasting, "critical")]
    [InlineData(3.0, MealContexts.Fasting, "urgent")]
    [InlineData(3.9, MealContexts.Postprandial, "urgent")] // 规范: ≤ 3.9
    [InlineData(4.0, MealContexts.Fasting, "normal")]
    [InlineData(6.9, MealContexts.Fasting, "normal")]
    [InlineData(7.0, MealContexts.Fasting, "above-target")]
    [InlineData(7.0, MealContexts.Postprandial, "normal")]
    [InlineData(9.96, MealContexts.Postprandial, "above-target")] // displays as 10.0
    [InlineData(16.6, MealContexts.Casual, "above-target")]
    [InlineData(16.7, MealContexts.Casual, "urgent")]
    public void Classify_Glucose_FastingAndNonFastingLimitsDiffer(double mmolL, string meal, string expected)
    {
        var reading = Samples.Glucose("c", "g", "r", mmolL, Samples.Morning) with { Meal = meal };

        Assert.Equal(expected, ReadingClassifier.Classify(reading, GuidelineDefaults.Targets));
    }

    [Theory]
    [InlineData(OutOfRangeMarks.High)]
    [InlineData(OutOfRangeMarks.Low)]
    public void Classify_GlucoseMeterHiOrLo_IsUrgent(string mark)
    {
        var reading = Samples.Glucose("c", "g", "r", 0, Samples.Morning) with { MmolL = null, OutOfRange = mark };

        Assert.Equal("urgent", ReadingClassifier.Classify(reading, GuidelineDefaults.Targets));
    }

    [Fact]
    public void Classify_StricterCarePlan_MovesTheAboveTargetLine()
    {
        var plan = GuidelineDefaults.Targets with { SystolicBelowMmHg = 130, DiastolicBelowMmHg = 80, Source = "care-plan" };
        var reading = Samples.BloodPressure("c", "g", "r", 134, 78, Samples.Morning);

        Assert.Equal(("normal", "above-target"), (ReadingClassifier.Classify(reading, GuidelineDefaults.Targets), ReadingClassifier.Classify(reading, plan)));
    }
}
