using Tmds.DBus.Protocol;

namespace CloudClinic.Edge.Bluetooth.BlueZ;

/// <summary>An org.freedesktop.DBus.Properties.PropertiesChanged signal: how BlueZ reports link state and GATT values.</summary>
internal sealed record PropertiesChange(string Path, string Interface, Dictionary<string, VariantValue> Changed)
{
    /// <summary>A notification/indication: GattCharacteristic1.Value changed (BlueZ doc/org.bluez.GattCharacteristic.rst).</summary>
    public bool TryGetValue(out byte[] value)
    {
        if (Interface == BlueZNames.GattCharacteristic && Changed.TryGetValue("Value", out var v) && v.Type == VariantValueType.Array && v.ItemType == VariantValueType.Byte)
        {
            value = v.GetArray<byte>();
            return true;
        }

        value = [];
        return false;
    }

    public bool TryGetBool(string @interface, string property, out bool value)
    {
        value = false;
        if (Interface != @interface || !Changed.TryGetValue(property, out var v) || v.Type != VariantValueType.Bool)
        {
            return false;
        }

        value = v.GetBool();
        return true;
    }
}
