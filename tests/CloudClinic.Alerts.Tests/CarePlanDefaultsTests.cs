using CloudClinic.Alerts.CarePlans;
using CloudClinic.Registry.Model;

namespace CloudClinic.Alerts.Tests;

public sealed class CarePlanDefaultsTests
{
    [Theory]
    [InlineData(79, false, 140, 90)]
    [InlineData(80, false, 150, 90)]
    [InlineData(79, true, 130, 80)]
    [InlineData(80, true, 150, 90)] // ≥ 80 wins over diabetes
    public void For_AgeAndConditions_GuidelineTarget(int age, bool diabetes, int systolic, int diastolic)
    {
        var plan = CarePlanDefaults.For(age, diabetes ? [Conditions.Diabetes, Conditions.Hypertension] : [Conditions.Hypertension]);

        Assert.Equal((systolic, diastolic), (plan.SystolicTargetMmHg, plan.DiastolicTargetMmHg));
        Assert.Equal((180, 110, 16.7, 3.9, 3.0, 7, 14), (plan.SystolicUrgentMmHg, plan.DiastolicUrgentMmHg, plan.GlucoseUrgentHighMmolL, plan.GlucoseUrgentLowMmolL, plan.GlucoseLevel2HypoMmolL, plan.NotMeasuredTaskDays, plan.NotMeasuredDoctorDays));
    }

    [Theory]
    [InlineData("1946-03-02", "2026-03-01", 79)]
    [InlineData("1946-03-01", "2026-03-01", 80)]
    [InlineData("1944-02-29", "2024-02-28", 79)]
    [InlineData("1944-02-29", "2024-02-29", 80)]
    public void AgeYears_BirthdayCountsOnTheDay(string birth, string today, int expected) =>
        Assert.Equal(expected, CarePlanDefaults.AgeYears(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
}
