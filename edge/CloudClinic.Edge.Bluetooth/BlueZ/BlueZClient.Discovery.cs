namespace CloudClinic.Edge.Bluetooth.BlueZ;

public sealed partial class BlueZClient
{
    /// <summary>Service UUIDs of the meters the gateway reads: Blood Pressure 0x1810, Glucose 0x1808.</summary>
    internal static readonly string[] MeterServiceUuids = [GattUuid.From16(GattUuid.BloodPressureService), GattUuid.From16(GattUuid.GlucoseService)];

    /// <summary>
    /// Scans for <paramref name="duration"/> (LE, filtered to the BP and Glucose services) and lists the meters BlueZ
    /// knows afterwards — what <c>bluetoothctl scan le</c> shows, for a setup command or the status page.
    /// </summary>
    public async Task<IReadOnlyList<BleDiscoveredMeter>> DiscoverMetersAsync(string adapter, TimeSpan duration, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var adapterPath = AdapterPath(adapter);
        await SetDiscoveryFilterAsync(adapterPath, MeterServiceUuids).ConfigureAwait(false);
        await StartDiscoveryAsync(adapterPath).ConfigureAwait(false);
        try
        {
            await Task.Delay(duration, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await StopDiscoveryAsync(adapterPath).ConfigureAwait(false);
        }

        var objects = await GetManagedObjectsAsync().ConfigureAwait(false);
        var meters = new List<BleDiscoveredMeter>();
        foreach (var o in objects.Where(o => o.Path.StartsWith(adapterPath + "/", StringComparison.Ordinal) && o.Has(BlueZNames.Device)))
        {
            var uuids = o.GetStrings(BlueZNames.Device, "UUIDs");
            BleMeterKind? kind = uuids.Contains(MeterServiceUuids[0], StringComparer.OrdinalIgnoreCase) ? BleMeterKind.BloodPressure
                : uuids.Contains(MeterServiceUuids[1], StringComparer.OrdinalIgnoreCase) ? BleMeterKind.Glucose
                : null;
            if (kind is { } k && o.GetString(BlueZNames.Device, "Address") is { } address)
            {
                meters.Add(new BleDiscoveredMeter(address, o.GetString(BlueZNames.Device, "Name"), k));
            }
        }

        return meters;
    }

    internal static string AdapterPath(string adapter) => "/org/bluez/" + adapter;

    /// <summary>bluetoothd names device objects after the address: /org/bluez/hci0/dev_AA_BB_CC_DD_EE_FF.</summary>
    internal static string DevicePath(string adapter, string address) =>
        AdapterPath(adapter) + "/dev_" + address.Replace(':', '_').ToUpperInvariant();
}
