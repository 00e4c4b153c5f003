namespace CloudClinic.Edge.Devices.SerialMeters.CodeFree;

/// <summary>One checksummed SD CodeFree packet: its direction and message (without STX, length, XOR and ETX).</summary>
public sealed record CodeFreeFrame(bool FromMeter, ReadOnlyMemory<byte> Message);
