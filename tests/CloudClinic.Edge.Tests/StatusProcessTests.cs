namespace CloudClinic.Edge.Tests;

/// <summary><c>status</c> as an operator runs it: the outbox path comes from the host's configuration (here the environment).</summary>
public class StatusProcessTests
{
    [Fact]
    public async Task Status_OutboxPathFromEnvironmentMissing_Exits1NamingTheFile()
    {
        var outbox = Path.Combine(Path.GetTempPath(), $"cloudclinic-edge-tests-{Guid.NewGuid():N}", "outbox.db");

        var run = await EdgeHost.RunAsync(["status"], new Dictionary<string, string> { ["Edge__OutboxPath"] = outbox });

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"{outbox} does not exist", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(outbox), "status created the outbox");
    }

    [Fact]
    public async Task Status_BadArgument_Exits2WithUsage()
    {
        var run = await EdgeHost.RunAsync(["status", "--yaml"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("usage: status [--json]", run.Error, StringComparison.Ordinal);
    }
}
