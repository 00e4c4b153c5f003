using CloudClinic.Edge.Bluetooth.Tests.Harness;

namespace CloudClinic.Edge.Bluetooth.Tests;

/// <summary>The source-generated checks of <see cref="BleMeterOptions"/>' attributes (what BleMeterDriver's constructor runs).</summary>
public class BleMeterOptionsValidationTests
{
    [Fact]
    public void Validate_TestDriverOptions_Succeeds() =>
        Assert.True(new BleMeterOptionsAttributesValidator().Validate(null, DriverFactory.Options(BleMeterKind.Glucose)).Succeeded);

    [Fact]
    public void Validate_BadAddress_FailsNamingTheRule()
    {
        var options = DriverFactory.Options(BleMeterKind.BloodPressure);
        options.Address = "C0:26:DA:12:34";

        var result = new BleMeterOptionsAttributesValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Address must look like AA:BB:CC:DD:EE:FF", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(86401)]
    public void Validate_ClockDriftLimitOutsideOneSecondToOneDay_FailsNamingIt(double seconds)
    {
        var options = DriverFactory.Options(BleMeterKind.BloodPressure);
        options.ClockDriftLimit = TimeSpan.FromSeconds(seconds);

        var result = new BleMeterOptionsAttributesValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("ClockDriftLimit must be between 00:00:01 and 1.00:00:00", result.FailureMessage, StringComparison.Ordinal);
    }
}
