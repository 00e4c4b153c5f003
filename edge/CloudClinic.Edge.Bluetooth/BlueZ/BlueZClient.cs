using Tmds.DBus.Protocol;

namespace CloudClinic.Edge.Bluetooth.BlueZ;

/// <summary>
/// bluetoothd's D-Bus API (BlueZ 5 doc/org.bluez.*.rst) over Tmds.DBus.Protocol: hand-written calls, no reflection
/// proxies, so it survives trimming and NativeAOT. One connection serves every meter of the gateway.
/// </summary>
public sealed partial class BlueZClient : IDisposable
{
    private readonly DBusConnection _connection;

    private BlueZClient(DBusConnection connection) => _connection = connection;

    /// <summary>
    /// Connects to the bus bluetoothd is on: <paramref name="busAddress"/>, else the system bus (which honours
    /// <c>DBUS_SYSTEM_BUS_ADDRESS</c>, how tests point it at a private bus with the BlueZ mock).
    /// </summary>
    public static async Task<BlueZClient> ConnectAsync(string? busAddress, CancellationToken cancellationToken)
    {
        var address = busAddress ?? DBusAddress.System ?? throw new InvalidOperationException("no D-Bus system bus address");
        var connection = new DBusConnection(address);
        try
        {
            await connection.ConnectAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
            return new BlueZClient(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>ObjectManager.GetManagedObjects on org.bluez: every adapter, device, service and characteristic.</summary>
    internal Task<IReadOnlyList<BlueZObject>> GetManagedObjectsAsync()
    {
        return _connection.CallMethodAsync(CreateMessage(), static (m, _) => ReadManagedObjects(m));

        MessageBuffer CreateMessage()
        {
            using var writer = _connection.GetMessageWriter();
            writer.WriteMethodCallHeader(destination: BlueZNames.Service, path: "/", @interface: BlueZNames.ObjectManager, member: "GetManagedObjects");
            return writer.CreateMessage();
        }
    }

    /// <summary>Adapter1.SetDiscoveryFilter: LE only, advertising one of <paramref name="serviceUuids"/>.</summary>
    internal Task SetDiscoveryFilterAsync(string adapterPath, IReadOnlyList<string> serviceUuids)
    {
        return _connection.CallMethodAsync(CreateMessage());

        MessageBuffer CreateMessage()
        {
            using var writer = _connection.GetMessageWriter();
            writer.WriteMethodCallHeader(destination: BlueZNames.Service, path: adapterPath, @interface: BlueZNames.Adapter, member: "SetDiscoveryFilter", signature: "a{sv}");
            writer.WriteDictionary(new Dictionary<string, VariantValue>
            {
                ["UUIDs"] = VariantValue.Array(serviceUuids.ToArray()),
                ["Transport"] = VariantValue.String("le"),
            });
            return writer.CreateMessage();
        }
    }

    internal Task StartDiscoveryAsync(string adapterPath) => CallNoArgsAsync(adapterPath, BlueZNames.Adapter, "StartDiscovery");

    internal Task StopDiscoveryAsync(string adapterPath) => CallNoArgsAsync(adapterPath, BlueZNames.Adapter, "StopDiscovery");

    internal Task ConnectDeviceAsync(string devicePath) => CallNoArgsAsync(devicePath, BlueZNames.Device, "Connect");

    internal Task DisconnectDeviceAsync(string devicePath) => CallNoArgsAsync(devicePath, BlueZNames.Device, "Disconnect");

    /// <summary>GattCharacteristic1.StartNotify: notifications or indications, whichever the characteristic has.</summary>
    internal Task StartNotifyAsync(string characteristicPath) => CallNoArgsAsync(characteristicPath, BlueZNames.GattCharacteristic, "StartNotify");

    internal Task<byte[]> ReadValueAsync(string characteristicPath)
    {
        return _connection.CallMethodAsync(CreateMessage(), static (m, _) => m.GetBodyReader().ReadArrayOfByte());

        MessageBuffer CreateMessage()
        {
            using var writer = _connection.GetMessageWriter();
            writer.WriteMethodCallHeader(destination: BlueZNames.Service, path: characteristicPath, @interface: BlueZNames.GattCharacteristic, member: "ReadValue", signature: "a{sv}");
            writer.WriteDictionary(new Dictionary<string, VariantValue>());
            return writer.CreateMessage();
        }
    }

    /// <summary>GattCharacteristic1.WriteValue as an ATT Write Request (acknowledged), as RACP requires (GLS 1.0 §3.2.5).</summary>
    internal Task WriteValueAsync(string characteristicPath, ReadOnlyMemory<byte> value)
    {
        return _connection.CallMethodAsync(CreateMessage());

        MessageBuffer CreateMessage()
        {
            using var writer = _connection.GetMessageWriter();
            writer.WriteMethodCallHeader(destination: BlueZNames.Service, path: characteristicPath, @interface: BlueZNames.GattCharacteristic, member: "WriteValue", signature: "aya{sv}");
            writer.WriteArray(value.Span);
            writer.WriteDictionary(new Dictionary<string, VariantValue> { ["type"] = VariantValue.String("request") });
            return writer.CreateMessage();
        }
    }

    /// <summary>
    /// PropertiesChanged for every object under <paramref name="pathNamespace"/> (a device: its link state and all
    /// its characteristic values), in arrival order. Dispose the result to unsubscribe.
    /// </summary>
    internal ValueTask<IDisposable> WatchPropertiesAsync(string pathNamespace, Action<PropertiesChange?, Exception?> handler)
    {
        var rule = new MatchRule
        {
            Type = MessageType.Signal,
            Interface = BlueZNames.Properties,
            Member = "PropertiesChanged",
            PathNamespace = pathNamespace,
        };
        return _connection.AddMatchAsync(
            rule,
            static (m, _) => ReadPropertiesChange(m),
            (Notification<PropertiesChange> n) =>
            {
                if (n.HasValue)
                {
                    handler(n.Value, null);
                }
                else if (n.IsCompletion)
                {
                    handler(null, n.CompletionReason ?? new ObjectDisposedException("D-Bus connection"));
                }
            },
            emitOnCapturedContext: false,
            ObserverFlags.EmitOnConnectionClosed);
    }

    /// <summary>ObjectManager.InterfacesAdded: objects bluetoothd creates, e.g. devices seen while discovering.</summary>
    internal ValueTask<IDisposable> WatchInterfacesAddedAsync(Action<string> handler)
    {
        var rule = new MatchRule { Type = MessageType.Signal, Interface = BlueZNames.ObjectManager, Member = "InterfacesAdded" };
        return _connection.AddMatchAsync(
            rule,
            static (m, _) => m.GetBodyReader().ReadObjectPathAsString(),
            (Notification<string> n) =>
            {
                if (n.HasValue)
                {
                    handler(n.Value);
                }
            },
            emitOnCapturedContext: false,
            ObserverFlags.None);
    }

    private static PropertiesChange ReadPropertiesChange(Message message)
    {
        var reader = message.GetBodyReader();
        var @interface = reader.ReadString();
        return new PropertiesChange(message.PathAsString ?? string.Empty, @interface, reader.ReadDictionaryOfStringToVariantValue());
    }

    private Task CallNoArgsAsync(string path, string @interface, string member)
    {
        return _connection.CallMethodAsync(CreateMessage());

        MessageBuffer CreateMessage()
        {
            using var writer = _connection.GetMessageWriter();
            writer.WriteMethodCallHeader(destination: BlueZNames.Service, path: path, @interface: @interface, member: member);
            return writer.CreateMessage();
        }
    }

    private static IReadOnlyList<BlueZObject> ReadManagedObjects(Message message)
    {
        var reader = message.GetBodyReader();
        var objects = new List<BlueZObject>();
        var end = reader.ReadDictionaryStart();
        while (reader.HasNext(end))
        {
            var path = reader.ReadObjectPathAsString();
            var interfaces = new Dictionary<string, Dictionary<string, VariantValue>>(StringComparer.Ordinal);
            var interfacesEnd = reader.ReadDictionaryStart();
            while (reader.HasNext(interfacesEnd))
            {
                var name = reader.ReadString();
                interfaces[name] = reader.ReadDictionaryOfStringToVariantValue();
            }

            objects.Add(new BlueZObject(path, interfaces));
        }

        return objects;
    }
}
