using CloudClinic.Edge.Devices.Validation;

namespace CloudClinic.Edge.Devices.Tests;

/// <summary>The AOT-safe [Range] stand-ins: inclusive bounds, NaN and wrong types fail, the configured message is kept.</summary>
public class RangeAttributeTests
{
    [Theory]
    [InlineData(5, true)]
    [InlineData(3600, true)]
    [InlineData(4, false)]
    [InlineData(3601, false)]
    public void NumberRangeIsValid_IntAtAndPastTheBounds_InclusiveBounds(int value, bool expected) =>
        Assert.Equal(expected, new NumberRangeAttribute(5, 3600).IsValid(value));

    [Theory]
    [InlineData(0.05, true)]
    [InlineData(0.049, false)]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    public void NumberRangeIsValid_Double_ComparesAsDouble(double value, bool expected) =>
        Assert.Equal(expected, new NumberRangeAttribute(0.05, 3600).IsValid(value));

    [Fact]
    public void NumberRangeIsValid_LongAboveUIntMax_Fails() =>
        Assert.False(new NumberRangeAttribute(0, uint.MaxValue).IsValid((long)uint.MaxValue + 1));

    [Fact]
    public void NumberRangeFormatErrorMessage_ErrorMessageSet_ReturnsIt()
    {
        var attribute = new NumberRangeAttribute(5, 3600) { ErrorMessage = "Mqtt:KeepAliveSeconds must be 5-3600" };

        Assert.Equal("Mqtt:KeepAliveSeconds must be 5-3600", attribute.FormatErrorMessage("KeepAliveSeconds"));
    }

    [Theory]
    [InlineData("00:01:00", true)]
    [InlineData("04:00:00", true)]
    [InlineData("00:00:59.999", false)]
    [InlineData("04:00:00.001", false)]
    public void TimeSpanRangeIsValid_AtAndPastTheBounds_InclusiveBounds(string value, bool expected) =>
        Assert.Equal(expected, new TimeSpanRangeAttribute("00:01:00", "04:00:00").IsValid(TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void TimeSpanRangeIsValid_NotATimeSpan_Fails() =>
        Assert.False(new TimeSpanRangeAttribute("00:00:00", "1.00:00:00").IsValid(60));

    [Fact]
    public void TimeSpanRangeFormatErrorMessage_NoErrorMessage_NamesFieldAndBounds() =>
        Assert.Equal("The field PollInterval must be between 00:00:00.0100000 and 1.00:00:00.",
            new TimeSpanRangeAttribute("00:00:00.010", "1.00:00:00").FormatErrorMessage("PollInterval"));

    [Fact]
    public void TimeSpanRangeConstructor_MinimumAboveMaximum_Throws() =>
        Assert.Throws<ArgumentException>(() => new TimeSpanRangeAttribute("00:10:00", "00:01:00"));
}
