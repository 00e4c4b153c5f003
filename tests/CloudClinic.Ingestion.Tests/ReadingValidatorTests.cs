using CloudClinic.Contracts;
using CloudClinic.Ingestion.Validation;

namespace CloudClinic.Ingestion.Tests;

public sealed class ReadingValidatorTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 1, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, Func<ReadingMessage, ReadingMessage>, string> Invalid => new()
    {
        { "schema", r => r with { Schema = "cloudclinic.reading/2" }, "schema 'cloudclinic.reading/2'" },
        { "spoofed clinic", r => r with { ClinicId = "clinic-b" }, "does not match the topic's clinic 'clinic-a'" },
        { "spoofed gateway", r => r with { GatewayId = "gw-9" }, "does not match the topic's gateway 'gw-1'" },
        { "kind", r => r with { Kind = "weight" }, "kind 'weight'" },
        { "empty reading id", r => r with { ReadingId = "" }, "readingId must be 1–256" },
        { "control char in patient", r => r with { PatientId = "p\n1" }, "patientId contains control characters" },
        { "systolic low", r => r with { Systolic = 39 }, "systolic 39 mmHg is outside the possible range 40–300" },
        { "systolic high", r => r with { Systolic = 301 }, "systolic 301 mmHg is outside" },
        { "diastolic high", r => r with { Systolic = 250, Diastolic = 201 }, "diastolic 201 mmHg is outside" },
        { "diastolic low", r => r with { Diastolic = 19 }, "diastolic 19 mmHg is outside" },
        { "sys not above dia", r => r with { Systolic = 90, Diastolic = 90 }, "systolic 90 is not above diastolic 90" },
        { "pulse", r => r with { Pulse = 400 }, "pulse 400 bpm is outside" },
        { "no diastolic", r => r with { Diastolic = null }, "needs systolic and diastolic" },
        { "unit", r => r with { OriginalUnit = "psi" }, "originalUnit 'psi'" },
        { "future", r => r with { MeasuredAt = Now.AddMinutes(10).AddSeconds(1) }, "more than 10 minutes in the future" },
        { "ancient", r => r with { MeasuredAt = new DateTimeOffset(1999, 12, 31, 0, 0, 0, TimeSpan.Zero) }, "before 2000" },
        { "transport", r => r with { Device = r.Device with { Transport = "usb" } }, "device.transport 'usb'" },
        { "flag with comma", r => r with { Flags = ["a,b"] }, "flag 'a,b'" },
        { "clock source", r => r with { ClockSource = "ntp" }, "clockSource 'ntp'" },
    };

    public static TheoryData<string, Func<ReadingMessage, ReadingMessage>, string> InvalidGlucose => new()
    {
        { "glucose low", r => r with { MmolL = 0.4 }, "mmolL 0.4 mmol/L is outside the possible range 0.5–60" },
        { "glucose high", r => r with { MmolL = 60.5 }, "mmolL 60.5 mmol/L is outside" },
        { "no value", r => r with { MmolL = null }, "needs mmolL" },
        { "meal", r => r with { Meal = "brunch" }, "meal 'brunch'" },
        { "out of range mark", r => r with { OutOfRange = "very" }, "outOfRange 'very'" },
        { "mgdl", r => r with { MgdL = 5000 }, "mgdL 5000 mg/dL is outside" },
    };

    [Fact]
    public void Validate_GoodBloodPressure_ReturnsNull()
    {
        Assert.Null(ReadingValidator.Validate(BloodPressure(), "clinic-a", "gw-1", Now));
    }

    [Fact]
    public void Validate_GoodGlucose_ReturnsNull()
    {
        Assert.Null(ReadingValidator.Validate(Glucose(), "clinic-a", "gw-1", Now));
    }

    [Theory]
    [InlineData(40, 20)]
    [InlineData(300, 200)]
    public void Validate_BloodPressureAtRangeEdges_ReturnsNull(double systolic, double diastolic)
    {
        Assert.Null(ReadingValidator.Validate(BloodPressure() with { Systolic = systolic, Diastolic = diastolic }, "clinic-a", "gw-1", Now));
    }

    [Fact]
    public void Validate_MeasuredExactlyTenMinutesAhead_ReturnsNull()
    {
        Assert.Null(ReadingValidator.Validate(BloodPressure() with { MeasuredAt = Now.AddMinutes(10) }, "clinic-a", "gw-1", Now));
    }

    [Theory]
    [InlineData(OutOfRangeMarks.High, null)]
    [InlineData(OutOfRangeMarks.Low, 0.0)]
    [InlineData(OutOfRangeMarks.High, 33.3)]
    public void Validate_GlucoseHiLoFromMeter_ReturnsNull(string mark, double? mmolL)
    {
        Assert.Null(ReadingValidator.Validate(Glucose() with { OutOfRange = mark, MmolL = mmolL }, "clinic-a", "gw-1", Now));
    }

    [Fact]
    public void Validate_UnassignedReading_ReturnsNull()
    {
        Assert.Null(ReadingValidator.Validate(BloodPressure() with { PatientId = null }, "clinic-a", "gw-1", Now));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_BadBloodPressure_GivesReason(string scenario, Func<ReadingMessage, ReadingMessage> change, string reason)
    {
        var result = ReadingValidator.Validate(change(BloodPressure()), "clinic-a", "gw-1", Now);

        Assert.True(result?.Contains(reason, StringComparison.Ordinal), $"{scenario}: got '{result}'");
    }

    [Theory]
    [MemberData(nameof(InvalidGlucose))]
    public void Validate_BadGlucose_GivesReason(string scenario, Func<ReadingMessage, ReadingMessage> change, string reason)
    {
        var result = ReadingValidator.Validate(change(Glucose()), "clinic-a", "gw-1", Now);

        Assert.True(result?.Contains(reason, StringComparison.Ordinal), $"{scenario}: got '{result}'");
    }

    private static ReadingMessage BloodPressure() => Readings.BloodPressure("r1") with { MeasuredAt = Now.AddMinutes(-1), ReceivedAt = Now };

    private static ReadingMessage Glucose() => Readings.Glucose("g1") with { MeasuredAt = Now.AddMinutes(-1), ReceivedAt = Now, MgdL = 110 };
}
