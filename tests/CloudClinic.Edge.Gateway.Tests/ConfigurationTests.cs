namespace CloudClinic.Edge.Gateway.Tests;

/// <summary>A bad setting fails start-up with a message that names the key (DESIGN.md §9).</summary>
public class ConfigurationTests
{
    [Theory]
    [InlineData("Edge:ClinicId", "Bad Clinic!")]
    [InlineData("Edge:GatewayId", "")]
    [InlineData("Edge:OutboxPath", "")]
    [InlineData("Edge:OutboxBudgetBytes", "0")]
    [InlineData("Edge:OutboxBudgetBytes", "-1")]
    [InlineData("Edge:OutboxBudgetBytes", "1000")]
    [InlineData("Edge:OutboxBudgetBytes", "lots")]
    [InlineData("Mqtt:Url", "http://broker:1883")]
    [InlineData("Mqtt:Url", "mqtt://broker:1883/path")]
    [InlineData("Mqtt:CaFile", "/nonexistent/ca.pem")]
    [InlineData("Mqtt:KeepAliveSeconds", "0")]
    [InlineData("Edge:Stations:0:Link", "usb")]
    [InlineData("Edge:Stations:0:Protocol", "onetouch")]
    [InlineData("Edge:Stations:0:Port", "")]
    [InlineData("Edge:Stations:0:BaudRate", "7")]
    [InlineData("Edge:Stations:0:StopBits", "None")]
    [InlineData("Edge:Stations:0:Parity", "Sometimes")]
    [InlineData("Edge:Stations:0:BaudRate", "fast")]
    [InlineData("Edge:Stations:0:Baudrate9600", "9600")]
    public async Task StartAsync_BadSetting_FailsNamingTheKey(string key, string value)
    {
        await using var gateway = GatewayUnderTest.Create("mqtts://127.0.0.1:8883", new Dictionary<string, string?>
        {
            ["Edge:Stations:0:Name"] = "bp-1",
            ["Edge:Stations:0:Link"] = "serial",
            ["Edge:Stations:0:Port"] = "/dev/ttyUSB0",
            [key] = value,
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(gateway.StartAsync);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Edge:Stations:0:SimulatedKind", "weight")]
    [InlineData("Edge:Stations:0:SimulatedUrgentEvery", "0")]
    [InlineData("Edge:Stations:0:SimulatedIntervalSeconds", "0")]
    public async Task StartAsync_BadSimulatedStationSetting_FailsNamingTheKey(string key, string value)
    {
        await using var gateway = GatewayUnderTest.Create("mqtt://127.0.0.1:1883", new Dictionary<string, string?>
        {
            ["Edge:Stations:0:Name"] = "bp-1",
            ["Edge:Stations:0:Link"] = "simulated",
            [key] = value,
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(gateway.StartAsync);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("taidoc-td42xx", "Edge:Stations:0:MeterSerial", null)]
    [InlineData("sd-codefree", "Edge:Stations:0:MeterSerial", "")]
    [InlineData("onetouch-ultra2", "Edge:Stations:0:TimeZone", "Asia/Atlantis")]
    [InlineData("freestyle-optium", "Edge:Stations:0:PollIntervalSeconds", "0")]
    [InlineData("freestyle-optium", "Edge:Stations:0:ReplyTimeoutSeconds", "-1")]
    [InlineData("codefree", "Edge:Stations:0:Protocol", "codefree")]
    public async Task StartAsync_BadSerialMeterSetting_FailsNamingTheKey(string protocol, string key, string? value)
    {
        await using var gateway = GatewayUnderTest.Create("mqtt://127.0.0.1:1883", new Dictionary<string, string?>
        {
            ["Edge:Stations:0:Name"] = "glucose-1",
            ["Edge:Stations:0:Link"] = "serial",
            ["Edge:Stations:0:Port"] = "/dev/ttyUSB0",
            ["Edge:Stations:0:Protocol"] = protocol,
            [key] = value,
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(gateway.StartAsync);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_SerialMeterStationsWithTheirKeys_Start()
    {
        await using var gateway = GatewayUnderTest.Create($"mqtt://127.0.0.1:{CloudClinic.Testing.FreeTcpPort.Next()}", new Dictionary<string, string?>
        {
            ["Edge:Stations:0:Name"] = "glucose-1",
            ["Edge:Stations:0:Link"] = "serial",
            ["Edge:Stations:0:Port"] = "/nonexistent/ttyUSB0",
            ["Edge:Stations:0:Protocol"] = "taidoc-td42xx",
            ["Edge:Stations:0:MeterSerial"] = "TD4277-0001",
            ["Edge:Stations:0:TimeZone"] = "Asia/Shanghai",
            ["Edge:Stations:1:Name"] = "glucose-2",
            ["Edge:Stations:1:Link"] = "serial",
            ["Edge:Stations:1:Port"] = "/nonexistent/ttyUSB1",
            ["Edge:Stations:1:Protocol"] = "onetouch-ultra2",
        });

        await gateway.StartAsync();

        Assert.Equal(["taidoc-td42xx", "onetouch-ultra2"], gateway.Board.Stations.Select(s => s.Protocol));
    }

    [Fact]
    public async Task StartAsync_TwoStationsWithOneName_FailsNamingTheSecond()
    {
        await using var gateway = GatewayUnderTest.Create("mqtt://127.0.0.1:1883", new Dictionary<string, string?>
        {
            ["Edge:Stations:0:Name"] = "bp-1",
            ["Edge:Stations:0:Link"] = "simulated",
            ["Edge:Stations:1:Name"] = "bp-1",
            ["Edge:Stations:1:Link"] = "simulated",
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(gateway.StartAsync);

        Assert.Contains("Edge:Stations:1:Name", error.Message, StringComparison.Ordinal);
    }
}
