using System.Threading.Channels;
using CloudClinic.Edge.Bluetooth.BlueZ;
using Tmds.DBus.Protocol;

namespace CloudClinic.Edge.Bluetooth.Gatt;

/// <summary>
/// One connection to one meter through BlueZ: connect, wait for service resolution, find characteristics by UUID,
/// and deliver notifications/indications and link loss in arrival order. Disposing disconnects.
/// </summary>
internal sealed class GattLink : IAsyncDisposable
{
    private static readonly TimeSpan DisconnectTimeout = TimeSpan.FromSeconds(5);

    private readonly BlueZClient _client;
    private readonly TimeProvider _timeProvider;
    private readonly Channel<PropertiesChange?> _events = Channel.CreateUnbounded<PropertiesChange?>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, GattCharacteristicInfo> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<ushort, GattCharacteristicInfo> _byUuid = [];
    private IDisposable? _watch;
    private Exception? _busFailure;
    private bool _connected;

    private GattLink(BlueZClient client, string devicePath, TimeProvider timeProvider)
    {
        _client = client;
        DevicePath = devicePath;
        _timeProvider = timeProvider;
    }

    public string DevicePath { get; }

    public string? DeviceName { get; private set; }

    public static async Task<GattLink> OpenAsync(BlueZClient client, string devicePath, TimeSpan connectTimeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var link = new GattLink(client, devicePath, timeProvider);
        try
        {
            // Subscribe before connecting so no early notification or link change is missed.
            link._watch = await client.WatchPropertiesAsync(devicePath, link.OnChange).ConfigureAwait(false);
            using var timeout = new CancellationTokenSource(connectTimeout, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await client.ConnectDeviceAsync(devicePath).WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (DBusErrorReplyException e) when (e.ErrorName == BlueZNames.AlreadyConnectedError)
            {
                // A link left up (by us before a crash, or by bluetoothctl) is still a link.
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new BleSessionException($"connect to {devicePath} timed out after {connectTimeout}");
            }

            link._connected = true;
            await link.WaitForServicesAsync(connectTimeout, cancellationToken).ConfigureAwait(false);
            return link;
        }
        catch
        {
            await link.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public GattCharacteristicInfo? Find(ushort uuid) => _byUuid.GetValueOrDefault(uuid);

    public GattCharacteristicInfo Require(ushort uuid) =>
        Find(uuid) ?? throw new BleSessionException($"the meter has no characteristic 0x{uuid:X4} (is it a {(uuid >= 0x2A35 && uuid <= 0x2A36 ? "blood pressure" : "glucose")} meter?)");

    public Task StartNotifyAsync(GattCharacteristicInfo characteristic) => _client.StartNotifyAsync(characteristic.Path);

    public Task<byte[]> ReadAsync(GattCharacteristicInfo characteristic) => _client.ReadValueAsync(characteristic.Path);

    public Task WriteAsync(GattCharacteristicInfo characteristic, ReadOnlyMemory<byte> value) => _client.WriteValueAsync(characteristic.Path, value);

    /// <summary>The next value or link loss; <see cref="GattEvent.Timeout"/> after <paramref name="timeout"/> of silence.</summary>
    public async ValueTask<GattEvent> NextAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var silence = new CancellationTokenSource(timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, silence.Token);
        while (true)
        {
            PropertiesChange? change;
            try
            {
                change = await _events.Reader.ReadAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (silence.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return GattEvent.Timeout;
            }

            if (change is null)
            {
                throw new BleSessionException("the D-Bus connection to bluetoothd closed", _busFailure);
            }

            if (change.Path == DevicePath && change.TryGetBool(BlueZNames.Device, "Connected", out var connected) && !connected)
            {
                _connected = false;
                return GattEvent.Disconnected;
            }

            if (change.TryGetValue(out var value) && _byPath.TryGetValue(change.Path, out var characteristic))
            {
                return new GattEvent(GattEventKind.Value, characteristic.Uuid, value);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _watch?.Dispose();
        _events.Writer.TryComplete();
        if (!_connected)
        {
            return;
        }

        _connected = false;
        try
        {
            await _client.DisconnectDeviceAsync(DevicePath).WaitAsync(DisconnectTimeout, _timeProvider).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DBusExceptionBase or TimeoutException or ObjectDisposedException)
        {
            // The link is going or gone either way; bluetoothd drops it when the meter leaves.
        }
    }

    private void OnChange(PropertiesChange? change, Exception? failure)
    {
        if (failure is not null)
        {
            _busFailure = failure;
        }

        _events.Writer.TryWrite(change);
    }

    private async Task WaitForServicesAsync(TimeSpan connectTimeout, CancellationToken cancellationToken)
    {
        // bluetoothd sets ServicesResolved once it has walked the GATT database; only then do the objects exist.
        var objects = await _client.GetManagedObjectsAsync().ConfigureAwait(false);
        var device = objects.FirstOrDefault(o => o.Path == DevicePath);
        if (device is null || !device.GetBool(BlueZNames.Device, "ServicesResolved"))
        {
            using var timeout = new CancellationTokenSource(connectTimeout, _timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                while (true)
                {
                    var change = await _events.Reader.ReadAsync(linked.Token).ConfigureAwait(false)
                        ?? throw new BleSessionException("the D-Bus connection to bluetoothd closed", _busFailure);
                    if (change.Path != DevicePath)
                    {
                        continue;
                    }

                    if (change.TryGetBool(BlueZNames.Device, "Connected", out var connected) && !connected)
                    {
                        _connected = false;
                        throw new BleSessionException("the meter disconnected before its services were resolved");
                    }

                    if (change.TryGetBool(BlueZNames.Device, "ServicesResolved", out var resolved) && resolved)
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new BleSessionException($"services of {DevicePath} were not resolved within {connectTimeout}");
            }

            objects = await _client.GetManagedObjectsAsync().ConfigureAwait(false);
            device = objects.FirstOrDefault(o => o.Path == DevicePath);
        }

        DeviceName = device?.GetString(BlueZNames.Device, "Name") ?? device?.GetString(BlueZNames.Device, "Alias");
        foreach (var o in objects.Where(o => o.Path.StartsWith(DevicePath + "/", StringComparison.Ordinal) && o.Has(BlueZNames.GattCharacteristic)))
        {
            if (o.GetString(BlueZNames.GattCharacteristic, "UUID") is { } uuid && GattUuid.TryGet16(uuid, out var short16))
            {
                var info = new GattCharacteristicInfo(short16, o.Path, o.GetStrings(BlueZNames.GattCharacteristic, "Flags"));
                _byPath[o.Path] = info;
                _byUuid.TryAdd(short16, info);
            }
        }
    }
}
