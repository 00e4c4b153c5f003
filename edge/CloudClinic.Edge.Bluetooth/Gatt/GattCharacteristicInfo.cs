namespace CloudClinic.Edge.Bluetooth.Gatt;

/// <summary>A characteristic BlueZ resolved on the meter: its object path and GattCharacteristic1.Flags.</summary>
internal sealed record GattCharacteristicInfo(ushort Uuid, string Path, IReadOnlyList<string> Flags)
{
    public bool CanRead => Flags.Contains("read");

    public bool CanWrite => Flags.Contains("write") || Flags.Contains("write-without-response");
}
