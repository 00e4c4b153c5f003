using CloudClinic.Contracts;
using CloudClinic.Edge.Devices.BloodPressure;

namespace CloudClinic.Edge.Devices.Tests;

public class IntermediateCuffPressureParserTests
{
    [Fact]
    public void TryParse_InflatingCuff_GivesTheCurrentPressureOnly()
    {
        // 0x2A36 as sent while inflating: current pressure 150 mmHg, diastolic and MAP NaN.
        Assert.True(IntermediateCuffPressureParser.TryParse(Vectors.Hex("00 96 00 FF 07 FF 07"), out var cuff, out var error), error);

        Assert.Equal(150, cuff.CurrentMmHg);
        Assert.Equal(PressureUnits.MmHg, cuff.OriginalUnit);
    }

    [Fact]
    public void TryParse_KPaCuff_IsConvertedToMmHg()
    {
        Assert.True(IntermediateCuffPressureParser.TryParse(Vectors.Hex("01 C8 F0 FF 07 FF 07"), out var cuff, out _));

        Assert.Equal(150.0, cuff.CurrentMmHg);
        Assert.Equal(PressureUnits.KPa, cuff.OriginalUnit);
    }

    [Fact]
    public void MeasurementParser_IntermediateCuffFrame_IsNeverAReading()
    {
        Assert.False(BloodPressureMeasurementParser.TryParse(Vectors.Hex("00 96 00 FF 07 FF 07"), out _, out var error));

        Assert.Equal("diastolic is NaN (the meter did not measure it)", error);
    }

    [Fact]
    public void TryParse_Truncated_IsRejected()
    {
        Assert.False(IntermediateCuffPressureParser.TryParse(Vectors.Hex("00 96"), out _, out var error));

        Assert.StartsWith("truncated", error, StringComparison.Ordinal);
    }
}
