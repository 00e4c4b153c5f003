using CloudClinic.Contracts;
using CloudClinic.Edge.Devices.Glucose;

namespace CloudClinic.Edge.Devices.Tests;

public class GlucoseMeasurementParserTests
{
    [Fact]
    public void TryParse_NordicFullVector_AppliesTheTimeOffsetAndReadsEveryField()
    {
        var m = Parse(Vectors.Load("glucose-nordic-full.hex"));

        Assert.Equal(1, m.Sequence);
        Assert.Equal((short)-5, m.TimeOffsetMinutes);
        Assert.Equal(new DateTime(2019, 2, 27, 11, 5, 30), m.MeasuredAtLocal);
        Assert.Equal(GlucoseMeasurement.KgPerLitre, m.ConcentrationUnit);
        Assert.Equal(3_000_000, m.GlucoseMgdL);
        Assert.Equal(GlucoseSampleType.CapillaryPlasma, m.SampleType);
        Assert.Equal(GlucoseSampleLocation.Finger, m.SampleLocation);
        Assert.Equal(GlucoseSensorStatus.BatteryLow | GlucoseSensorStatus.SampleSizeInsufficient | GlucoseSensorStatus.TemperatureTooLow, m.Status);
        Assert.True(m.ContextFollows);
        Assert.Null(m.OutOfRange);
        Assert.Empty(m.Flags);
    }

    [Fact]
    public void TryToRecord_NordicTestValue_IsRejectedAsNotPhysiological()
    {
        var m = Parse(Vectors.Load("glucose-nordic-full.hex"));

        Assert.False(m.TryToRecord("GL-1", TimeSpan.Zero, null, out _, out var error));
        Assert.Contains("outside", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_NordicShortVector_IsRejectedNotCrashed()
    {
        Assert.False(GlucoseMeasurementParser.TryParse(Vectors.Load("glucose-nordic-short.hex"), out _, out var error));

        Assert.Equal("truncated in the sensor status", error);
    }

    [Fact]
    public void TryParse_112MgdLVector_GivesMgdLAndMmolL()
    {
        var m = Parse(Vectors.Load("glucose-112-mgdl.hex"));

        Assert.Equal(5, m.Sequence);
        Assert.Equal(new DateTime(2024, 3, 15, 7, 30, 0), m.MeasuredAtLocal);
        Assert.Null(m.TimeOffsetMinutes);
        Assert.Equal(112, m.GlucoseMgdL);
        Assert.Equal(6.22, m.GlucoseMmolL);
        Assert.Equal(GlucoseSampleType.CapillaryWholeBlood, m.SampleType);
        Assert.Equal(GlucoseSampleLocation.Finger, m.SampleLocation);
        Assert.Null(m.Status);
        Assert.False(m.ContextFollows);
    }

    [Fact]
    public void TryParse_MolPerLitre_IsMmolLExactly()
    {
        // 62 × 10^-4 mol/L = 6.2 mmol/L.
        var m = Parse(Vectors.Hex("06 05 00 E8 07 03 0F 07 1E 00 3E C0 11"));

        Assert.Equal(GlucoseMeasurement.MolPerLitre, m.ConcentrationUnit);
        Assert.Equal(6.2, m.GlucoseMmolL);
        Assert.Equal(112, m.GlucoseMgdL);
    }

    [Theory]
    [InlineData("FE 07", "0000", "high", 600.0, 33.3)]
    [InlineData("02 08", "0000", "low", 20.0, 1.11)]
    [InlineData("26 B2", "0040", "high", 550.0, 30.53)]
    [InlineData("0F B0", "0020", "low", 15.0, 0.83)]
    public void TryParse_InfinityOrStatusBits5And6_AreOutOfRangeWithAValue(string concentration, string status, string mark, double mgdL, double mmolL)
    {
        // Concentrations in kg/L with exponent -5 (0xB226 = 550 mg/dL); status given as a u16, sent little-endian.
        var statusBytes = $"{status[2..]} {status[..2]}";
        var m = Parse(Vectors.Hex($"0A 05 00 E8 07 03 0F 07 1E 00 {concentration} 11 {statusBytes}"));

        Assert.Equal(mark, m.OutOfRange);
        Assert.Equal(mgdL, m.GlucoseMgdL);
        Assert.Equal(mmolL, m.GlucoseMmolL);
        Assert.True(m.TryToRecord("GL-1", TimeSpan.Zero, null, out var record, out var error), error);
        Assert.Equal(mark, record.OutOfRange);
    }

    [Theory]
    [InlineData("FF 07", "NaN")]
    [InlineData("00 08", "NRes")]
    [InlineData("01 08", "Reserved")]
    public void TryParse_NaNNResReserved_AreRejectedWithTheirName(string concentration, string name)
    {
        Assert.False(GlucoseMeasurementParser.TryParse(Vectors.Hex($"02 05 00 E8 07 03 0F 07 1E 00 {concentration} 11"), out _, out var error));

        Assert.Equal($"concentration is {name} (the meter has no result)", error);
    }

    [Theory]
    [InlineData(0x1A)]
    [InlineData(0x41)]
    [InlineData(0x4A)]
    public void TryParse_ControlSolutionTypeOrLocation_IsFlagged(int typeLocation)
    {
        var m = Parse(Vectors.Hex($"02 05 00 E8 07 03 0F 07 1E 00 70 B0 {typeLocation:X2}"));

        Assert.True(m.IsControlSolution);
        Assert.Equal([ReadingFlags.ControlSolution], m.Flags);
        Assert.True(m.TryToRecord("GL-1", TimeSpan.Zero, null, out var record, out _));
        Assert.Equal([ReadingFlags.ControlSolution], record.Flags);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    public void TryParse_EachStatusBit_IsReported(int bit)
    {
        var status = (ushort)(1 << bit);
        var m = Parse(Vectors.Hex($"0A 05 00 E8 07 03 0F 07 1E 00 70 B0 11 {status & 0xFF:X2} {status >> 8:X2}"));

        Assert.Equal((GlucoseSensorStatus)status, m.Status);
        Assert.Null(m.OutOfRange);
    }

    [Fact]
    public void TryParse_NoConcentration_ParsesButIsNoReading()
    {
        var m = Parse(Vectors.Hex("00 05 00 E8 07 03 0F 07 1E 00"));

        Assert.Null(m.GlucoseMmolL);
        Assert.Null(m.SampleType);
        Assert.False(m.TryToRecord("GL-1", TimeSpan.Zero, null, out _, out var error));
        Assert.Equal("measurement 5 carries no concentration", error);
    }

    [Fact]
    public void TryParse_Year0_HasNoMeasuredAt()
    {
        var m = Parse(Vectors.Hex("03 05 00 00 00 00 00 07 1E 00 0A 00 70 B0 11"));

        Assert.Null(m.MeasuredAtLocal);
        Assert.Equal((short)10, m.TimeOffsetMinutes);
    }

    [Fact]
    public void TryParse_OffsetPastYear9999_IsRejected()
    {
        Assert.False(GlucoseMeasurementParser.TryParse(Vectors.Hex("01 05 00 0F 27 0C 1F 17 3B 00 FF 7F"), out _, out var error));

        Assert.Equal("base time 9999-12-31 23:59:00 plus 32767 minutes is past year 9999", error);
    }

    [Fact]
    public void TryParse_LeftOverByte_IsRejected()
    {
        Assert.False(GlucoseMeasurementParser.TryParse(Vectors.Hex("02 05 00 E8 07 03 0F 07 1E 00 70 B0 11 00"), out _, out var error));

        Assert.Equal("1 byte(s) left over after the fields flags 0x02 announce", error);
    }

    [Fact]
    public void TryParse_EveryTruncation_IsRejectedWithoutThrowing()
    {
        var full = Vectors.Load("glucose-nordic-full.hex");
        for (var length = 0; length < full.Length; length++)
        {
            Assert.False(GlucoseMeasurementParser.TryParse(full.AsSpan(0, length), out _, out var error));
            Assert.StartsWith("truncated", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TryToRecord_WithContext_TakesTheMealAndKeepsTheSequence()
    {
        var m = Parse(Vectors.Load("glucose-112-mgdl.hex"));
        Assert.True(GlucoseContextParser.TryParse(Vectors.Load("glucose-context-fasting.hex"), out var context, out _));

        Assert.True(m.TryToRecord("GL-1", TimeSpan.FromHours(8), context, out var record, out var error), error);

        Assert.Equal(MealContexts.Fasting, record.Meal);
        Assert.Equal(5, record.RecordNumber);
        Assert.Equal(112, record.GlucoseMgdL);
        Assert.Equal(6.22, record.GlucoseMmolL);
        Assert.Equal(new DateTimeOffset(2024, 3, 15, 7, 30, 0, TimeSpan.FromHours(8)), record.MeasuredAt);
    }

    [Fact]
    public void TryToRecord_ContextOfAnotherSequence_IsRejected()
    {
        var m = Parse(Vectors.Load("glucose-112-mgdl.hex"));
        Assert.True(GlucoseContextParser.TryParse(Vectors.Hex("02 06 00 03"), out var context, out _));

        Assert.False(m.TryToRecord("GL-1", TimeSpan.Zero, context, out _, out var error));
        Assert.Equal("context for sequence 6 does not belong to measurement 5", error);
    }

    [Fact]
    public void TryToRecord_MolPerLitreMeter_HasNoStoredMgdL()
    {
        var m = Parse(Vectors.Hex("06 05 00 E8 07 03 0F 07 1E 00 3E C0 11"));

        Assert.True(m.TryToRecord("GL-1", TimeSpan.Zero, null, out var record, out _));
        Assert.Null(record.GlucoseMgdL);
        Assert.Equal(6.2, record.GlucoseMmolL);
    }

    private static GlucoseMeasurement Parse(byte[] bytes)
    {
        Assert.True(GlucoseMeasurementParser.TryParse(bytes, out var m, out var error), error);
        return m;
    }
}
