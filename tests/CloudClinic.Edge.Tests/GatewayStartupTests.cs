using CloudClinic.Testing;

namespace CloudClinic.Edge.Tests;

/// <summary>The gateway host (no <c>decode</c>) refuses to start on a bad identity, naming the key to fix.</summary>
public class GatewayStartupTests
{
    [Theory]
    [InlineData("Edge__ClinicId", "Bad!", "Edge:ClinicId")]
    [InlineData("Edge__ClinicId", "", "Edge:ClinicId")]
    [InlineData("Edge__GatewayId", "GW 1", "Edge:GatewayId")]
    public async Task Start_BadIdentity_ExitsNonZeroNamingTheKey(string variable, string value, string key)
    {
        var outbox = Path.Combine(Path.GetTempPath(), $"cloudclinic-edge-tests-{Guid.NewGuid():N}", "outbox.db");
        var run = await EdgeHost.RunAsync([], new Dictionary<string, string>
        {
            [variable] = value,
            // Should validation ever come too late, the host must not reach a real broker or the repo's folders.
            ["Mqtt__Url"] = $"mqtt://127.0.0.1:{FreeTcpPort.Next()}",
            ["Edge__OutboxPath"] = outbox,
        });

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains(key, run.Output + run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(outbox), "the outbox was created before the configuration was checked");
    }
}
