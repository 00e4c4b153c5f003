using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace CloudClinic.Edge.Tests;

/// <summary><c>decode &lt;kind&gt; &lt;input&gt;</c> in-process: what it prints on each stream and the exit code it returns.</summary>
public class DecodeCommandTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static TheoryData<string, string, int, string, string> Vectors() => DecodeVector.Rows();

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Run_Vector_PrintsExpectedFieldsAndExitCode(string kind, string input, int expectedExitCode, string expected, string source)
    {
        var (exitCode, output, error) = Decode(kind, input);

        Assert.True(expectedExitCode == exitCode, $"{kind} ({source}): exit {exitCode}, stdout '{output}', stderr '{error}'");
        if (expected == "usage")
        {
            Assert.StartsWith("usage: decode <kind>", error, StringComparison.Ordinal);
            Assert.Empty(output);
        }
        else if (expected.StartsWith(DecodeVector.RejectedPrefix, StringComparison.Ordinal))
        {
            Assert.Empty(output);
            Assert.StartsWith(expected, error, StringComparison.Ordinal);
            Assert.Single(error.TrimEnd('\n').Split('\n'));
        }
        else
        {
            Assert.Empty(error);
            Assert.Single(output.TrimEnd('\n').Split('\n'));
            ExpectedJson.AssertContains(expected, output, $"{kind} ({source})");
        }
    }

    [Fact]
    public void Run_IntermediateCuffPressure_NeverPrintsAReading()
    {
        // The 0x2A35 vector's bytes as 0x2A36: the same layout, but a value while the cuff inflates.
        var (exitCode, output, error) = Decode("2A36", "1E 8A 00 58 00 78 00 00 00 04 11 14 29 3B 3C 00 01 27 00");

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Contains("never a reading", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Cclp1Frame_StampsReceivedAtFromTheTimeProvider()
    {
        var (exitCode, output, _) = Decode("cclp1", "$CCBP,BP0042,17,20250301T081500+0800,182,112,,80,mmHg,*7E");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(Now, json.RootElement.GetProperty("receivedAt").GetDateTimeOffset());
        Assert.Equal("cloudclinic.reading/1", json.RootElement.GetProperty("schema").GetString());
    }

    [Fact]
    public void Run_MeterClockInAnotherZone_MeasuredAtCarriesThatOffset()
    {
        // The meter's wall clock is the gateway's: the same bytes read at UTC-05:00 are a different instant.
        var time = new FakeTimeProvider(Now);
        time.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("test-05", TimeSpan.FromHours(-5), "test-05", "test-05"));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = DecodeCommand.Run(["2A18", "02 05 00 E8 07 03 0F 07 1E 00 70 B0 11"], output, error, time);

        Assert.Equal(0, exitCode);
        ExpectedJson.AssertContains("""{"measuredAt":"2024-03-15T07:30:00-05:00"}""", output.ToString(), "2A18 at UTC-05:00");
    }

    [Theory]
    [InlineData()]
    [InlineData("2A35")]
    [InlineData("2A35", "16 7C 00", "extra")]
    public void Run_WrongArgumentCount_PrintsUsageAndReturns2(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = DecodeCommand.Run(args, output, error, new FakeTimeProvider(Now));

        Assert.Equal(2, exitCode);
        Assert.Empty(output.ToString());
        Assert.StartsWith("usage: decode <kind> <hex-or-frame>", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("cclp1, 2A35", error.ToString(), StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Decode(string kind, string input)
    {
        var time = new FakeTimeProvider(Now);
        time.SetLocalTimeZone(GatewayZone.Create());
        using var output = new StringWriter();
        using var error = new StringWriter();
        output.NewLine = "\n";
        error.NewLine = "\n";
        var exitCode = DecodeCommand.Run([kind, input], output, error, time);
        return (exitCode, output.ToString(), error.ToString());
    }
}
