namespace CloudClinic.Edge.Bluetooth.BlueZ;

/// <summary>BlueZ 5 D-Bus names (bluez doc/org.bluez.*.rst).</summary>
internal static class BlueZNames
{
    public const string Service = "org.bluez";
    public const string Adapter = "org.bluez.Adapter1";
    public const string Device = "org.bluez.Device1";
    public const string GattService = "org.bluez.GattService1";
    public const string GattCharacteristic = "org.bluez.GattCharacteristic1";
    public const string Properties = "org.freedesktop.DBus.Properties";
    public const string ObjectManager = "org.freedesktop.DBus.ObjectManager";

    /// <summary>Device1.Connect on a link that is already up; the session just uses it.</summary>
    public const string AlreadyConnectedError = "org.bluez.Error.AlreadyConnected";
}
