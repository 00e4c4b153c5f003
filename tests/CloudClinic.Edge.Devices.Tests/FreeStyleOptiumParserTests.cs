using System.Text;
using CloudClinic.Contracts;
using CloudClinic.Edge.Devices.SerialMeters.FreeStyleOptium;

namespace CloudClinic.Edge.Devices.Tests;

public class FreeStyleOptiumParserTests
{
    private static byte[] Dump => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "freestyle-optium-xmem.txt"));

    [Fact]
    public void TryParseMemory_Dump_GivesGlucoseResultsHiAndSkipsKetones()
    {
        Assert.True(FreeStyleOptiumParser.TryParseMemory(Dump, out var memory, out var error), error);

        Assert.Equal(("QTGB123-45678", "4.00"), (memory.Serial, memory.SoftwareVersion));
        Assert.Equal(new DateTime(2014, 4, 22, 2, 14, 37), memory.MeterClock);
        Assert.Equal(1, memory.KetoneResults);
        Assert.Equal(3, memory.Readings.Count);
        Assert.Equal((new DateTime(2014, 4, 22, 2, 10, 0), 125, (string?)null), (memory.Readings[0].MeterLocalTime, memory.Readings[0].GlucoseMgdL, memory.Readings[0].OutOfRange));
        Assert.Equal((FreeStyleOptiumParser.HighMgdL, OutOfRangeMarks.High), (memory.Readings[1].GlucoseMgdL, memory.Readings[1].OutOfRange));
        Assert.Equal(new DateTime(2014, 7, 4, 7, 15, 0), memory.Readings[2].MeterLocalTime);
    }

    [Fact]
    public void TryParseMemory_VectorRecordLine_Is125MgdL()
    {
        var memory = ParseLines("SER", "1.0", "Apr  22 2014 02:14:37", "001", "125  Apr  22 2014 02:10 G 0x00");

        Assert.Equal(125, Assert.Single(memory.Readings).GlucoseMgdL);
    }

    [Fact]
    public void TryParseMemory_OneByteChanged_FailsTheChecksum()
    {
        var dump = Dump;
        dump[Array.IndexOf(dump, (byte)'5')] = (byte)'6';

        Assert.False(FreeStyleOptiumParser.TryParseMemory(dump, out _, out var error));
        Assert.Equal("checksum mismatch: END line says 2341, bytes give 2342", error);
    }

    [Fact]
    public void TryParseMemory_NoEndLine_IsTruncated()
    {
        var dump = Dump;

        Assert.False(FreeStyleOptiumParser.TryParseMemory(dump.AsSpan(0, dump.Length - 14), out _, out var error));
        Assert.Equal("truncated: no '0xHHHH  END' line", error);
    }

    [Fact]
    public void TryParseMemory_CountMismatch_IsRejected()
    {
        Assert.False(FreeStyleOptiumParser.TryParseMemory(Build("S", "1.0", "Apr  22 2014 02:14:37", "002", "125  Apr  22 2014 02:10 G 0x00"), out _, out var error));

        Assert.Equal("dump announces 2 results but holds 1", error);
    }

    [Theory]
    [InlineData("125  Apr  22 2014 25:10 G 0x00")]
    [InlineData("125  Apr 22 2014 02:10 G 0x00")]
    [InlineData("125  Jun  22 2014 02:10 G 0x00")]
    [InlineData("125  Apr  22 2014 02:10 X 0x00")]
    [InlineData("12   Apr  22 2014 02:10 G 0x00")]
    public void TryParseMemory_MalformedResult_IsRejectedWithTheLine(string line)
    {
        Assert.False(FreeStyleOptiumParser.TryParseMemory(Build("S", "1.0", "Apr  22 2014 02:14:37", "001", line), out _, out var error));

        Assert.StartsWith($"result line '{line}'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseMemory_Lo_IsLowOutOfRange()
    {
        var reading = Assert.Single(ParseLines("S", "1.0", "Apr  22 2014 02:14:37", "001", "LO   Apr  22 2014 02:10 G 0x00").Readings);

        Assert.Equal((FreeStyleOptiumParser.LowMgdL, OutOfRangeMarks.Low), (reading.GlucoseMgdL, reading.OutOfRange));
        Assert.True(reading.ToRecord("S", TimeSpan.Zero) is { OutOfRange: OutOfRangeMarks.Low, MeasuredAtHasSeconds: false });
    }

    [Fact]
    public void TryParseMemory_EmptyMemory_HasNoReadings()
    {
        Assert.Empty(ParseLines("S", "1.0", "Sep  29 2013 17:35:34", "000").Readings);
    }

    [Theory]
    [InlineData("Clock:\tApr  22 2014\t02:14:37", 2014, 4, 22, 2, 14, 37)]
    [InlineData("Clock:\tJul  10 2013\t14:26:44", 2013, 7, 10, 14, 26, 44)]
    [InlineData("Clock:\tSep  29 2013\t17:35:34\r\n", 2013, 9, 29, 17, 35, 34)]
    public void TryParseClockLine_ColqClock_IsTheMeterTime(string line, int y, int mo, int d, int h, int mi, int s)
    {
        Assert.True(FreeStyleOptiumParser.TryParseClockLine(Encoding.ASCII.GetBytes(line), out var clock, out var error), error);

        Assert.Equal(new DateTime(y, mo, d, h, mi, s), clock);
    }

    [Theory]
    [InlineData("Apr 22 2014 02:14:37")]
    [InlineData("Clock:\tXxx  10 2013\t14:26")]
    [InlineData("Clock:\tSep  29 2013\t17:35:22.34")]
    [InlineData("Clock:\tFeb  30 2013\t17:35:22")]
    [InlineData("Foo")]
    public void TryParseClockLine_Invalid_IsRejected(string line)
    {
        Assert.False(FreeStyleOptiumParser.TryParseClockLine(Encoding.ASCII.GetBytes(line), out _, out var error));

        Assert.EndsWith("is not a Clock line", error, StringComparison.Ordinal);
    }

    internal static byte[] Build(params string[] lines)
    {
        var body = "\r\n" + string.Concat(lines.Select(l => l + "\r\n"));
        var sum = (ushort)Encoding.ASCII.GetBytes(body).Sum(b => b);
        return Encoding.ASCII.GetBytes($"{body}0x{sum:X4}  END\r\n");
    }

    private static FreeStyleOptiumMemory ParseLines(params string[] lines)
    {
        Assert.True(FreeStyleOptiumParser.TryParseMemory(Build(lines), out var memory, out var error), error);
        return memory;
    }
}
