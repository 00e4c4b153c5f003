namespace CloudClinic.Edge.Devices.SerialMeters.LifeScanBinary;

/// <summary>One CRC-checked LifeScan binary packet: link-control byte and message (command prefix first).</summary>
public sealed record LifeScanPacket(byte LinkControl, ReadOnlyMemory<byte> Message);
