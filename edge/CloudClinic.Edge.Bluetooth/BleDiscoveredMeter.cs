namespace CloudClinic.Edge.Bluetooth;

/// <summary>A device BlueZ saw advertising the Blood Pressure (0x1810) or Glucose (0x1808) service.</summary>
public sealed record BleDiscoveredMeter(string Address, string? Name, BleMeterKind Kind);
