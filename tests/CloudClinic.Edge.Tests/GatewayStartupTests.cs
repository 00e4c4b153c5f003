using CloudClinic.Testing;

namespace CloudClinic.Edge.Tests;

/// <summary>
/// The gateway host (no <c>decode</c>) refuses to start on a bad setting, naming the key to fix, with exit code 78
/// (EX_CONFIG: the unit's RestartPreventExitStatus=78 keeps systemd from restarting it until the file is fixed).
/// </summary>
public class GatewayStartupTests
{
    [Theory]
    [InlineData("Edge__ClinicId", "Bad!", "Edge:ClinicId")]
    [InlineData("Edge__ClinicId", "", "Edge:ClinicId")]
    [InlineData("Edge__GatewayId", "GW 1", "Edge:GatewayId")]
    [InlineData("Mqtt__KeepAliveSeconds", "0", "Mqtt:KeepAliveSeconds")]
    [InlineData("Edge__CheckIn__SessionDuration", "00:00:10", "Edge:CheckIn:SessionDuration")]
    // Values the configuration binder cannot convert: they fail while the options are created, not in a validator.
    [InlineData("Edge__OutboxBudgetBytes", "lots", "Edge:OutboxBudgetBytes")]
    [InlineData("Edge__Watchdog__StallSeconds", "soon", "Edge:Watchdog:StallSeconds")]
    public async Task Start_BadSetting_Exits78NamingTheKey(string variable, string value, string key)
    {
        var outbox = Path.Combine(Path.GetTempPath(), $"cloudclinic-edge-tests-{Guid.NewGuid():N}", "outbox.db");
        var run = await EdgeHost.RunAsync([], new Dictionary<string, string>
        {
            [variable] = value,
            // Should validation ever come too late, the host must not reach a real broker or the repo's folders.
            ["Mqtt__Url"] = $"mqtt://127.0.0.1:{FreeTcpPort.Next()}",
            ["Edge__OutboxPath"] = outbox,
        });

        Assert.True(run.ExitCode == 78, run.ToString());
        Assert.Contains(key, run.Output + run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(outbox), "the outbox was created before the configuration was checked");
    }

    [Theory]
    [InlineData("Parity", "Sometimes")]
    [InlineData("BaudRate", "fast")]
    [InlineData("Buadrate", "9600")]
    public async Task Start_BadStationSetting_Exits78NamingTheKey(string setting, string value)
    {
        var outbox = Path.Combine(Path.GetTempPath(), $"cloudclinic-edge-tests-{Guid.NewGuid():N}", "outbox.db");
        var run = await EdgeHost.RunAsync([], new Dictionary<string, string>
        {
            ["Edge__Stations__0__Name"] = "bp-1",
            ["Edge__Stations__0__Link"] = "serial",
            ["Edge__Stations__0__Port"] = "/nonexistent/ttyUSB0",
            [$"Edge__Stations__0__{setting}"] = value,
            ["Mqtt__Url"] = $"mqtt://127.0.0.1:{FreeTcpPort.Next()}",
            ["Edge__OutboxPath"] = outbox,
        });

        Assert.True(run.ExitCode == 78, run.ToString());
        Assert.Contains("configuration error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains($"Edge:Stations:0:{setting}", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(outbox), "the outbox was created before the configuration was checked");
    }
}
