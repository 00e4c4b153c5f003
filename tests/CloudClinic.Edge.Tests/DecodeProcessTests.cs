using System.Text.Json;

namespace CloudClinic.Edge.Tests;

/// <summary>
/// <c>dotnet CloudClinic.Edge.dll decode …</c> as a process: the exit codes a shell script sees, and that nothing but
/// the JSON line reaches stdout (no host start-up, no log lines).
/// </summary>
public class DecodeProcessTests
{
    [Fact]
    public async Task Decode_BloodPressureVector_PrintsOneJsonLineAndExits0()
    {
        var run = await EdgeHost.RunAsync(["decode", "2A35", "16 7C 00 56 00 61 00 E8 07 06 0F 11 11 1B 33 00 00 00"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(run.Error);
        var line = Assert.Single(run.Output.TrimEnd('\n').Split('\n'));
        // TZ=UTC-8 for the child: the meter's wall clock is read in the gateway's zone.
        ExpectedJson.AssertContains(
            """{"systolic":124,"diastolic":86,"meanArterial":97,"pulse":51,"originalUnit":"mmHg","measuredAt":"2024-06-15T17:17:27+08:00","flags":[]}""",
            line,
            "2A35 derdilla");
    }

    [Fact]
    public async Task Decode_Cclp1BadChecksum_PrintsOneLineReasonAndExits1()
    {
        var run = await EdgeHost.RunAsync(["decode", "cclp1", "$CCBP,BP0042,17,20250301T081500+0800,182,112,,80,mmHg,*00"]);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Empty(run.Output);
        var reason = Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("rejected: checksum mismatch", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_IntermediateCuffPressure_Exits1WithoutAReading()
    {
        var run = await EdgeHost.RunAsync(["decode", "2A36", "1E 8A 00 58 00 78 00 00 00 04 11 14 29 3B 3C 00 01 27 00"]);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Empty(run.Output);
        Assert.StartsWith("rejected: intermediate cuff pressure", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nonsense", "00")]
    [InlineData("2A35")]
    public async Task Decode_UnknownKindOrMissingInput_PrintsUsageAndExits2(params string[] args)
    {
        var run = await EdgeHost.RunAsync(["decode", .. args]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Empty(run.Output);
        Assert.StartsWith("usage: decode <kind> <hex-or-frame>", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_OneTouchRecord_PrintsTheMeterValueInMgdL()
    {
        var run = await EdgeHost.RunAsync(["decode", "onetouch-ultra2", "P \"SAT\",\"08/03/13\",\"22:12:00   \",\"  125 \",\"B\",\"00\", 00 099A"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(125, json.RootElement.GetProperty("mgdL").GetDouble());
        Assert.Equal("preprandial", json.RootElement.GetProperty("meal").GetString());
        Assert.Equal("2013-08-03T22:12:00+08:00", json.RootElement.GetProperty("measuredAt").GetString());
    }
}
