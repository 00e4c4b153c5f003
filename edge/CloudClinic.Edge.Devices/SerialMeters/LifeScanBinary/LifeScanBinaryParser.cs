using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace CloudClinic.Edge.Devices.SerialMeters.LifeScanBinary;

/// <summary>
/// The LifeScan shared binary framing (OneTouch Ultra Easy/Mini, Verio; glucometer-protocols
/// lifescan/shared-binary-protocol.md): <c>02 LEN link-control message 03 CRC</c>, LEN counting the whole packet,
/// CRC-16-CCITT (polynomial 0x1021, seed 0xFFFF) over everything before it, little-endian. Framing only: the
/// per-model commands are not implemented. Pure; never throws on device input.
/// </summary>
public static class LifeScanBinaryParser
{
    public const string ProtocolName = "lifescan-binary";
    public const byte Start = 0x02;
    public const byte End = 0x03;
    public const int MinPacketLength = 6;
    public const int MaxPacketLength = 255;

    public static byte[] Encode(byte linkControl, ReadOnlySpan<byte> message)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(message.Length, MaxPacketLength - MinPacketLength);
        var packet = new byte[message.Length + MinPacketLength];
        packet[0] = Start;
        packet[1] = (byte)packet.Length;
        packet[2] = linkControl;
        message.CopyTo(packet.AsSpan(3));
        packet[^3] = End;
        BinaryPrimitives.WriteUInt16LittleEndian(packet.AsSpan(packet.Length - 2), Crc16Ccitt(packet.AsSpan(0, packet.Length - 2)));
        return packet;
    }

    public static bool TryParse(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out LifeScanPacket? packet, [NotNullWhen(false)] out string? error)
    {
        packet = null;
        if (bytes.Length < MinPacketLength || bytes[0] != Start)
        {
            return Fail("not a LifeScan packet (want 02 LEN LC message 03 CRC)", out error);
        }

        if (bytes[1] != bytes.Length)
        {
            return Fail($"length byte says {bytes[1]} bytes, packet has {bytes.Length}", out error);
        }

        if (bytes[^3] != End)
        {
            return Fail($"byte before the CRC is 0x{bytes[^3]:X2} (want ETX 03)", out error);
        }

        var stated = BinaryPrimitives.ReadUInt16LittleEndian(bytes[^2..]);
        var computed = Crc16Ccitt(bytes[..^2]);
        if (stated != computed)
        {
            return Fail($"checksum mismatch: packet says {stated:X4}, CRC-16-CCITT gives {computed:X4}", out error);
        }

        packet = new LifeScanPacket(bytes[2], bytes[3..^3].ToArray());
        error = null;
        return true;
    }

    /// <summary>CRC-16-CCITT ("CCITT-FALSE"): polynomial 0x1021, seed 0xFFFF, no reflection, no final XOR.</summary>
    public static ushort Crc16Ccitt(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFF;
        foreach (var b in bytes)
        {
            crc ^= b << 8;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }

        return (ushort)crc;
    }

    private static bool Fail(string reason, out string error)
    {
        error = reason;
        return false;
    }
}
