namespace CloudClinic.Edge.Bluetooth.Gatt;

internal enum GattEventKind
{
    Value,
    Disconnected,
    Timeout,
}
