using CloudClinic.Contracts;
using CloudClinic.Testing;

namespace CloudClinic.Edge.Gateway.Tests.Ble;

/// <summary>A <c>Link = "ble"</c> station's keys are checked at start-up, each failure naming its key.</summary>
public sealed class BleStationConfigurationTests
{
    [Theory]
    [InlineData("Edge:Stations:0:BleAddress", null)]
    [InlineData("Edge:Stations:0:BleAddress", "C0-26-DA-00-00-01")]
    [InlineData("Edge:Stations:0:BleAdapter", "bluetooth0")]
    [InlineData("Edge:Stations:0:BleKind", null)]
    [InlineData("Edge:Stations:0:BleKind", "weight")]
    [InlineData("Edge:Stations:0:BleProfile", "omron-quirks")]
    [InlineData("Edge:Stations:0:PollIntervalSeconds", "0")]
    [InlineData("Edge:Stations:0:BleAdress", "C0:26:DA:00:00:01")]
    public async Task StartAsync_BadBleStationSetting_FailsNamingTheKey(string key, string? value)
    {
        await using var gateway = GatewayUnderTest.Create("mqtt://127.0.0.1:1883", new Dictionary<string, string?>
        {
            ["Edge:Stations:0:Name"] = "bp-ble",
            ["Edge:Stations:0:Link"] = "ble",
            ["Edge:Stations:0:BleAddress"] = "C0:26:DA:00:00:01",
            ["Edge:Stations:0:BleKind"] = ReadingKinds.BloodPressure,
            [key] = value,
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(gateway.StartAsync);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_TwoBleStationsOnOneMeter_FailsNamingTheSecond()
    {
        await using var gateway = GatewayUnderTest.Create("mqtt://127.0.0.1:1883", new Dictionary<string, string?>
        {
            ["Edge:Stations:0:Name"] = "glucose-a",
            ["Edge:Stations:0:Link"] = "ble",
            ["Edge:Stations:0:BleAddress"] = "C0:26:DA:00:00:02",
            ["Edge:Stations:0:BleKind"] = ReadingKinds.Glucose,
            ["Edge:Stations:1:Name"] = "glucose-b",
            ["Edge:Stations:1:Link"] = "ble",
            ["Edge:Stations:1:BleAddress"] = "c0:26:da:00:00:02",
            ["Edge:Stations:1:BleKind"] = ReadingKinds.Glucose,
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(gateway.StartAsync);

        Assert.Contains("Edge:Stations:1:BleAddress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_BluetoothBusUnreachable_StartsAndShowsTheStationError()
    {
        var missingBus = Path.Combine(Path.GetTempPath(), $"cloudclinic-no-bus-{Guid.NewGuid():N}");
        await using var gateway = GatewayUnderTest.Create($"mqtt://127.0.0.1:{FreeTcpPort.Next()}", new Dictionary<string, string?>
        {
            ["Edge:Bluetooth:BusAddress"] = "unix:path=" + missingBus,
            ["Edge:Stations:0:Name"] = "glucose-ble",
            ["Edge:Stations:0:Link"] = "ble",
            ["Edge:Stations:0:BleAddress"] = "C0:26:DA:00:00:02",
            ["Edge:Stations:0:BleKind"] = ReadingKinds.Glucose,
        });

        await gateway.StartAsync();

        await Eventually.WaitAsync(
            () => gateway.Board.Stations.Single().LastError?.StartsWith("cannot reach bluetoothd's D-Bus", StringComparison.Ordinal) == true,
            h => gateway.Board.Changed += h,
            h => gateway.Board.Changed -= h,
            TimeSpan.FromSeconds(20),
            () => $"station: {gateway.Board.Stations.Single()}");
        var station = gateway.Board.Stations.Single();
        Assert.False(station.Connected);
        Assert.Equal((Transports.Ble, "gatt-gls"), (station.Transport, station.Protocol));
    }
}
