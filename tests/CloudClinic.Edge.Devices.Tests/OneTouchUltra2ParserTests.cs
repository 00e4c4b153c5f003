using System.Text;
using CloudClinic.Contracts;
using CloudClinic.Edge.Devices.SerialMeters;
using CloudClinic.Edge.Devices.SerialMeters.OneTouchUltra2;

namespace CloudClinic.Edge.Devices.Tests;

public class OneTouchUltra2ParserTests
{
    [Fact]
    public void TryParse_VectorDumpRecord_Is125MgdLBeforeMeal()
    {
        var record = Assert.IsType<OneTouchUltra2DumpRecord>(Parse("P \"SAT\",\"08/03/13\",\"22:12:00   \",\"  125 \",\"B\",\"00\", 00 099A"));

        Assert.Equal(new DateTime(2013, 8, 3, 22, 12, 0), record.MeterLocalTime);
        Assert.Equal(125, record.GlucoseMgdL);
        Assert.Equal(MealContexts.Preprandial, record.Meal);
        Assert.False(record.ControlSolution);
    }

    [Fact]
    public void TryParse_VectorClockReplies_GiveTheMeterTime()
    {
        var set = Assert.IsType<OneTouchUltra2Clock>(Parse("T \"SAT\",\"08/03/13\",\"22:12:00   \" 0608"));
        var read = Assert.IsType<OneTouchUltra2Clock>(Parse("F \"SAT\",\"08/03/13\",\"22:12:00   \" 05FA"));

        Assert.Equal(new DateTime(2013, 8, 3, 22, 12, 0), set.MeterLocalTime);
        Assert.Equal(set.MeterLocalTime, read.MeterLocalTime);
    }

    [Theory]
    [InlineData("@ \"12345678O\" 0297", "serial number 12345678O does not end in Y: not a OneTouch Ultra 2")]
    [InlineData("% 1337", "checksum mismatch: line says 1337, bytes give 0025")]
    [InlineData("% 13AZ", "no checksum at the end of '% 13AZ' ('13AZ' is not four hex digits)")]
    [InlineData("T 0054 ", "no checksum at the end of 'T 0054 '")]
    [InlineData("T0054", "no checksum at the end of 'T0054'")]
    [InlineData("T 0054", "unrecognised reply 'T'")]
    [InlineData("P \"SAT\",\"08/03/13\",\"22:12:00   \",\"  125?\",\"B\",\"00\", 00 09B9", "the meter marked this record with a parity error")]
    [InlineData("P \"SAT\",\"13/03/13\",\"22:12:00   \",\"  125 \",\"B\",\"00\", 00 0996", "impossible date/time '13/03/13 22:12:00'")]
    public void TryParse_VectorBadReplies_AreRejectedWithAReason(string line, string expected)
    {
        Assert.False(OneTouchUltra2Parser.TryParse(Encoding.ASCII.GetBytes(line), out _, out var error));

        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_SerialNumber_EndsInY()
    {
        Assert.Equal("QS051S35Y", Assert.IsType<OneTouchUltra2SerialNumber>(Parse("@ \"QS051S35Y\" 02F2")).Serial);
    }

    [Fact]
    public void Dump_FromTestData_GivesHeaderAndEveryRecord()
    {
        var lines = new AsciiLineReader().Feed(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "onetouch-ultra2-dmp.txt")));

        var replies = lines.Select(l => Parse(Encoding.ASCII.GetString(l.Bytes.Span))).ToList();

        var header = Assert.IsType<OneTouchUltra2DumpHeader>(replies[0]);
        Assert.Equal((3, "QS051S35Y", "MG/DL"), (header.Count, header.Serial, header.DisplayUnit));
        var records = replies.Skip(1).Cast<OneTouchUltra2DumpRecord>().ToList();
        Assert.Equal([125, 110, 600], records.Select(r => r.GlucoseMgdL));
        Assert.Equal([MealContexts.Preprandial, MealContexts.Unknown, MealContexts.Postprandial], records.Select(r => r.Meal));
        Assert.Equal([false, true, false], records.Select(r => r.ControlSolution));
        Assert.Equal(11, records[2].Comment);
        Assert.Equal(new DateTime(2013, 8, 6, 23, 59, 59), records[2].MeterLocalTime);
    }

    [Fact]
    public void ToRecord_ControlSolution_IsFlaggedAndConverted()
    {
        var record = Assert.IsType<OneTouchUltra2DumpRecord>(Parse("P \"MON\",\"08/05/13\",\"07:02:10   \",\"C 110 \",\"N\",\"00\", 00 09CA"))
            .ToRecord("QS051S35Y", TimeSpan.FromHours(1));

        Assert.Equal([ReadingFlags.ControlSolution], record.Flags);
        Assert.Equal(110, record.GlucoseMgdL);
        Assert.Equal(6.11, record.GlucoseMmolL);
        Assert.Equal(new DateTimeOffset(2013, 8, 5, 7, 2, 10, TimeSpan.FromHours(1)), record.MeasuredAt);
    }

    [Fact]
    public void Command_Dump_IsWrappedInXonAndCr()
    {
        Assert.Equal("\u0011\rDMP\r"u8.ToArray(), OneTouchUltra2Parser.Command("DMP"));
    }

    private static OneTouchUltra2Reply Parse(string line)
    {
        Assert.True(OneTouchUltra2Parser.TryParse(Encoding.ASCII.GetBytes(line), out var reply, out var error), error);
        return reply;
    }
}
