namespace CloudClinic.Edge.Bluetooth.Gatt;

/// <summary>A GATT session that cannot go on (link lost, meter error, timeout); the driver reconnects with back-off.</summary>
internal sealed class BleSessionException(string message, Exception? inner = null) : Exception(message, inner);
