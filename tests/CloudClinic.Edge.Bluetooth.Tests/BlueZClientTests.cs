using CloudClinic.Testing.Ble;
using CloudClinic.Edge.Bluetooth.BlueZ;
using CloudClinic.Edge.Bluetooth.Gatt;
using CloudClinic.Edge.Bluetooth.Tests.Harness;

namespace CloudClinic.Edge.Bluetooth.Tests;

public sealed class BlueZClientTests
{
    [BlueZFact]
    public async Task DiscoverMetersAsync_MetersAdvertising_ListsBothWithTheirProfiles()
    {
        await using var sim = await BleSimulator.StartAsync();
        using var client = await BlueZClient.ConnectAsync(sim.BusAddress, CancellationToken.None);

        var meters = await client.DiscoverMetersAsync("hci0", TimeSpan.FromMilliseconds(200), TimeProvider.System, CancellationToken.None);

        Assert.Contains(new BleDiscoveredMeter(BleSimulator.BpAddress, "A&D UA-651BLE", BleMeterKind.BloodPressure), meters);
        Assert.Contains(new BleDiscoveredMeter(BleSimulator.GlucoseAddress, "Contour Next One", BleMeterKind.Glucose), meters);
    }

    [BlueZFact]
    public async Task OpenAsync_DiscoveredMeter_ConnectsResolvesServicesAndReadsDeviceInformation()
    {
        await using var sim = await BleSimulator.StartAsync();
        using var client = await BlueZClient.ConnectAsync(sim.BusAddress, CancellationToken.None);
        await client.DiscoverMetersAsync("hci0", TimeSpan.FromMilliseconds(50), TimeProvider.System, CancellationToken.None);

        await using var link = await GattLink.OpenAsync(client, BlueZClient.DevicePath("hci0", BleSimulator.GlucoseAddress), TimeSpan.FromSeconds(5), TimeProvider.System, CancellationToken.None);

        Assert.NotNull(link.Find(0x2A18));
        Assert.NotNull(link.Find(0x2A34));
        Assert.True(link.Require(0x2A52).CanWrite);
        Assert.Null(link.Find(0x2A35));
        Assert.Equal("GL0001"u8.ToArray(), await link.ReadAsync(link.Require(GattUuid.SerialNumber)));
        Assert.Equal("Contour Next One"u8.ToArray(), await link.ReadAsync(link.Require(GattUuid.ModelNumber)));
    }

    [BlueZFact]
    public async Task NextAsync_MeterDropsTheLink_ReportsDisconnected()
    {
        await using var sim = await BleSimulator.StartAsync();
        using var client = await BlueZClient.ConnectAsync(sim.BusAddress, CancellationToken.None);
        await client.DiscoverMetersAsync("hci0", TimeSpan.FromMilliseconds(50), TimeProvider.System, CancellationToken.None);
        await using var link = await GattLink.OpenAsync(client, BlueZClient.DevicePath("hci0", BleSimulator.BpAddress), TimeSpan.FromSeconds(5), TimeProvider.System, CancellationToken.None);

        await sim.DisconnectMeterAsync("bp");
        var next = await link.NextAsync(TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(GattEventKind.Disconnected, next.Kind);
    }
}
