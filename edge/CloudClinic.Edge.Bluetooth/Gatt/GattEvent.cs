namespace CloudClinic.Edge.Bluetooth.Gatt;

/// <summary>What a connected meter did: sent a characteristic value, or dropped the link.</summary>
internal readonly record struct GattEvent(GattEventKind Kind, ushort Characteristic, byte[] Value)
{
    public static GattEvent Disconnected { get; } = new(GattEventKind.Disconnected, 0, []);

    public static GattEvent Timeout { get; } = new(GattEventKind.Timeout, 0, []);
}
