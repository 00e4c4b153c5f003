using CloudClinic.Dashboard.Tests.Infrastructure;

namespace CloudClinic.Dashboard.Tests;

/// <summary>A bad setting stops the host at start-up with a message that names the key (STYLE.md, options).</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Mqtt:Url", "http://127.0.0.1:1883", "Mqtt:Url")]
    [InlineData("Mqtt:Url", "not a url", "Mqtt:Url")]
    [InlineData("Mqtt:Url", "", "Mqtt:Url")]
    [InlineData("Mqtt:CaFile", "/nonexistent/ca.pem", "Mqtt:CaFile")]
    [InlineData("Dashboard:RelayReconnectDelay", "00:00:00", "Dashboard:RelayReconnectDelay")]
    [InlineData("Dashboard:MaxLatestReadings", "0", "Dashboard:MaxLatestReadings")]
    [InlineData("Dashboard:DefaultClinicId", "Clinic A", "Dashboard:DefaultClinicId")]
    [InlineData("Dashboard:TimeZone", "Mars/Olympus_Mons", "Dashboard:TimeZone")]
    [InlineData("Demo:MqttPort", "70000", "Demo:MqttPort")]
    public void StartServer_BadSetting_FailsNamingTheKey(string key, string value, string named)
    {
        using var data = new TempDirectory();
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key.StartsWith("Demo:", StringComparison.Ordinal))
        {
            settings["Demo:Enabled"] = "true";
            settings["Demo:DataDirectory"] = data.Path;
        }

        using var factory = DashboardFactory.ForBroker("mqtt://127.0.0.1:1", data.Path, settings);

        var error = Assert.ThrowsAny<Exception>(factory.StartServer);

        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
    }
}
