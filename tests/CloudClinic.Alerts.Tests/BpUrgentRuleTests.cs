using CloudClinic.Alerts.Rules;
using CloudClinic.Contracts;
using Microsoft.Extensions.Time.Testing;

namespace CloudClinic.Alerts.Tests;

public sealed class BpUrgentRuleTests
{
    /// <summary>1 kPa = 7.50062 mmHg (DESIGN.md §3): what a gateway puts on the wire for a kPa meter.</summary>
    private const double MmHgPerKPa = 7.50062;

    private static readonly DateTimeOffset Now = new(2025, 3, 1, 1, 0, 0, TimeSpan.Zero);
    private readonly BpUrgentRule _rule = new(new FakeTimeProvider(Now));

    [Theory]
    [InlineData(179, 109, false)]
    [InlineData(180, 80, true)]
    [InlineData(120, 110, true)]
    [InlineData(180, 110, true)]
    [InlineData(179.4, 109.4, false)]
    [InlineData(179.97, 90, true)]
    [InlineData(300, 200, true)]
    [InlineData(90, 60, false)]
    public void Evaluate_MmHgReading_FiresFrom180Or110(double systolic, double diastolic, bool fires)
    {
        var alert = _rule.Evaluate(Reading(systolic, diastolic));

        Assert.Equal(fires, alert is not null);
    }

    [Theory]
    [InlineData(24.0, 12.0, true)]
    [InlineData(23.9, 12.0, false)]
    [InlineData(16.0, 14.7, true)]
    [InlineData(16.0, 14.5, false)]
    public void Evaluate_KPaOriginReading_UsesItsMmHgValue(double systolicKPa, double diastolicKPa, bool fires)
    {
        var reading = Reading(systolicKPa * MmHgPerKPa, diastolicKPa * MmHgPerKPa) with { OriginalUnit = PressureUnits.KPa };

        var alert = _rule.Evaluate(reading);

        Assert.Equal(fires, alert is not null);
    }

    [Fact]
    public void Evaluate_UnassignedUrgentReading_RaisesFullAlert()
    {
        var reading = Reading(182, 112) with { PatientId = null, Pulse = 96, Flags = [ReadingFlags.IrregularPulse] };

        var alert = _rule.Evaluate(reading);

        Assert.NotNull(alert);
        Assert.Equal(
            (AlertEventMessage.SchemaV1, AlertEvents.Raised, "bp-urgent", AlertSeverities.Urgent, AlertStates.Open, "clinic-a", (string?)null, "gw-1", "bp-1"),
            (alert.Schema, alert.Event, alert.Rule, alert.Severity, alert.State, alert.ClinicId, alert.PatientId, alert.GatewayId, alert.Station));
        Assert.Equal(["r-1"], alert.ReadingIds);
        Assert.Equal(new Dictionary<string, double> { ["systolic"] = 182, ["diastolic"] = 112, ["pulse"] = 96 }, alert.Values);
        Assert.Equal([ReadingFlags.IrregularPulse], alert.Flags);
        Assert.Equal(Now, alert.At);
    }

    [Fact]
    public void Evaluate_SameReadingAgain_SameAlertId()
    {
        var first = _rule.Evaluate(Reading(190, 100));
        var again = _rule.Evaluate(Reading(190, 100));
        var other = _rule.Evaluate(Reading(190, 100) with { ReadingId = "r-2" });

        Assert.Equal(first!.AlertId, again!.AlertId);
        Assert.NotEqual(first.AlertId, other!.AlertId);
        Assert.StartsWith("bp-urgent-", first.AlertId, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_GlucoseReading_DoesNotFire()
    {
        var glucose = Reading(0, 0) with { Kind = ReadingKinds.Glucose, Systolic = null, Diastolic = null, MmolL = 25, Meal = MealContexts.Casual };

        Assert.Null(_rule.Evaluate(glucose));
    }

    [Fact]
    public void Evaluate_OnlyDiastolicPresent_FiresOnIt()
    {
        Assert.NotNull(_rule.Evaluate(Reading(0, 115) with { Systolic = null }));
    }

    internal static ReadingMessage Reading(double systolic, double diastolic) => new()
    {
        Schema = ReadingMessage.SchemaV1,
        ReadingId = "r-1",
        ClinicId = "clinic-a",
        GatewayId = "gw-1",
        PatientId = "p-001",
        Station = "bp-1",
        Kind = ReadingKinds.BloodPressure,
        MeasuredAt = Now.AddMinutes(-1),
        ReceivedAt = Now,
        Device = new DeviceInfo { Model = "m", Serial = "s", Transport = Transports.Serial, Protocol = "cclp1" },
        Systolic = systolic,
        Diastolic = diastolic,
        OriginalUnit = PressureUnits.MmHg,
    };
}
