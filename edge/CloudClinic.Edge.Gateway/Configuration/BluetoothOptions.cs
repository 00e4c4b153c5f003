namespace CloudClinic.Edge.Gateway.Configuration;

/// <summary>How the gateway reaches bluetoothd for its BLE stations, section <c>Edge:Bluetooth</c>.</summary>
internal sealed class BluetoothOptions
{
    public const string SectionName = "Edge:Bluetooth";

    /// <summary>
    /// D-Bus address of the bus bluetoothd is on; null = the system bus (<c>DBUS_SYSTEM_BUS_ADDRESS</c>, else
    /// /run/dbus/system_bus_socket). Tests point it at a private bus with the BlueZ mock.
    /// </summary>
    public string? BusAddress { get; set; }

    /// <summary>SQLite file of the RACP cursors (last glucose record stored per meter); null = next to the outbox.</summary>
    public string? CursorPath { get; set; }

    /// <summary>The cursor file for an outbox at <paramref name="outboxPath"/>: <c>outbox.db</c> → <c>outbox.racp.db</c>.</summary>
    public string CursorPathFor(string outboxPath) =>
        CursorPath ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outboxPath))!, Path.GetFileNameWithoutExtension(outboxPath) + ".racp.db");
}
