using System.Text;
using System.Text.RegularExpressions;
using CloudClinic.Contracts;
using CloudClinic.Edge.Devices.LineProtocol;

namespace CloudClinic.Edge.Devices.Tests;

public class LineProtocolParserTests
{
    public static TheoryData<string, string, string> RejectedVectors()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "cclp1-rejected.tsv")))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var columns = line.Split('\t');
            data.Add(Regex.Unescape(columns[0]), columns[1], columns[2]);
        }

        return data;
    }

    [Fact]
    public void TryParse_BloodPressureMmHg_ReturnsRecordWithMeterClock()
    {
        var ok = Parse("$CCBP,BP0042,17,20250301T081500+0800,182,112,,80,mmHg,*7E\r\n", out var record, out var error);

        Assert.True(ok, error);
        var bp = Assert.IsType<BloodPressureRecord>(record);
        Assert.Equal("BP0042", bp.MeterSerial);
        Assert.Equal(17, bp.RecordNumber);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 8, 15, 0, TimeSpan.FromHours(8)), bp.MeasuredAt);
        Assert.True(bp.MeasuredAtHasSeconds);
        Assert.Equal(182, bp.SystolicMmHg);
        Assert.Equal(112, bp.DiastolicMmHg);
        Assert.Null(bp.MeanArterialMmHg);
        Assert.Equal(80, bp.PulseBpm);
        Assert.Equal(PressureUnits.MmHg, bp.OriginalUnit);
        Assert.Empty(bp.Flags);
        Assert.Equal(ReadingKinds.BloodPressure, bp.Kind);
    }

    [Fact]
    public void TryParse_BloodPressureKPaWithUnknownClock_ConvertsTo0Point1MmHg()
    {
        var ok = Parse("$CCBP,BP0042,18,0,24.3,14.9,18.3,66,kPa,I*1D", out var record, out var error);

        Assert.True(ok, error);
        var bp = Assert.IsType<BloodPressureRecord>(record);
        Assert.Null(bp.MeasuredAt);
        // 24.3 kPa × 7.50062 = 182.265 → 182.3; 14.9 → 111.759 → 111.8; 18.3 → 137.261 → 137.3
        Assert.Equal(182.3, bp.SystolicMmHg);
        Assert.Equal(111.8, bp.DiastolicMmHg);
        Assert.Equal(137.3, bp.MeanArterialMmHg);
        Assert.Equal(PressureUnits.KPa, bp.OriginalUnit);
        Assert.Equal([ReadingFlags.IrregularPulse], bp.Flags);
    }

    [Fact]
    public void TryParse_AllBloodPressureFlagsInAnyOrder_ReturnsThemInTableOrder()
    {
        var frame = LineProtocolWriter.FromBody("CCBP,BP0042,19,20250301T081500+0800,150,95,113,72,mmHg,PCMI");

        Assert.True(Parse(frame, out var record, out var error), error);

        Assert.Equal(
            [ReadingFlags.IrregularPulse, ReadingFlags.BodyMovement, ReadingFlags.CuffLoose, ReadingFlags.ImproperPosition],
            record!.Flags);
    }

    [Fact]
    public void TryParse_GlucoseMgdLWithMinuteClock_ConvertsAndKeepsTheStoredValue()
    {
        var ok = Parse("$CCGL,GL7,5,20250301T0730+0800,101,mgdl,fasting,,*24", out var record, out var error);

        Assert.True(ok, error);
        var gl = Assert.IsType<GlucoseRecord>(record);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 7, 30, 0, TimeSpan.FromHours(8)), gl.MeasuredAt);
        Assert.False(gl.MeasuredAtHasSeconds);
        // 101 / 18.016 = 5.606…
        Assert.Equal(5.61, gl.GlucoseMmolL);
        Assert.Equal(101, gl.GlucoseMgdL);
        Assert.Equal(MealContexts.Fasting, gl.Meal);
        Assert.Null(gl.OutOfRange);
    }

    [Fact]
    public void TryParse_GlucoseMmolL_HasNoMgdL()
    {
        var frame = LineProtocolWriter.FromBody("CCGL,GL7,6,20250301T120000-0330,7.85,mmol,postprandial,,");

        Assert.True(Parse(frame, out var record, out var error), error);

        var gl = Assert.IsType<GlucoseRecord>(record);
        Assert.Equal(7.85, gl.GlucoseMmolL);
        Assert.Null(gl.GlucoseMgdL);
        Assert.Equal(TimeSpan.FromMinutes(-210), gl.MeasuredAt!.Value.Offset);
    }

    [Theory]
    [InlineData("$CCGL,GL7,6,20250301T073000+0800,33.3,mmol,postprandial,HI,*7F", OutOfRangeMarks.High, 33.3)]
    [InlineData("$CCGL,GL7,7,20250301T073000+0800,20,mgdl,casual,LO,*7E", OutOfRangeMarks.Low, 1.11)]
    public void TryParse_MeterShowedHiOrLo_MarksOutOfRange(string frame, string mark, double mmolL)
    {
        Assert.True(Parse(frame, out var record, out var error), error);

        var gl = Assert.IsType<GlucoseRecord>(record);
        Assert.Equal(mark, gl.OutOfRange);
        Assert.Equal(mmolL, gl.GlucoseMmolL);
    }

    [Fact]
    public void TryParse_ControlSolutionFlag_IsReported()
    {
        var frame = LineProtocolWriter.FromBody("CCGL,GL7,8,20250301T073000+0800,6.1,mmol,unknown,,S");

        Assert.True(Parse(frame, out var record, out var error), error);

        Assert.Equal([ReadingFlags.ControlSolution], record!.Flags);
    }

    [Fact]
    public void TryParse_LowercaseChecksumAndBareLf_IsAccepted()
    {
        var frame = "$CCBP,BP0042,17,20250301T081500+0800,182,112,,80,mmHg,*7e\n";

        Assert.True(Parse(frame, out _, out var error), error);
    }

    [Theory]
    [MemberData(nameof(RejectedVectors))]
    public void TryParse_RejectedVector_ReturnsFalseWithReason(string frame, string reasonFragment, string testCase)
    {
        var ok = Parse(frame, out var record, out var error);

        Assert.False(ok, $"{testCase}: parsed as {record}");
        Assert.Null(record);
        Assert.Contains(reasonFragment, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Garbage_ReturnsFalse()
    {
        var garbage = new byte[] { 0x24, 0x00, 0xFF, 0x2A, 0x2A, 0x0D };

        Assert.False(LineProtocolParser.TryParse(garbage, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    private static bool Parse(string frame, out MeterRecord? record, out string? error) =>
        LineProtocolParser.TryParse(Encoding.Latin1.GetBytes(frame), out record, out error);
}
