using System.Buffers.Binary;

namespace CloudClinic.Edge.Devices.Codecs;

/// <summary>
/// Reads a GATT characteristic value field by field (little-endian, Bluetooth Core Vol 3 Part G 3.3.3) and
/// remembers which field ran past the end, so a short frame is rejected with the field's name instead of throwing.
/// </summary>
internal ref struct ByteCursor(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;

    public int Position { get; private set; }

    public readonly int Remaining => _bytes.Length - Position;

    public bool TryByte(out byte value)
    {
        value = 0;
        if (Remaining < 1)
        {
            return false;
        }

        value = _bytes[Position++];
        return true;
    }

    public bool TryUInt16(out ushort value, bool bigEndian = false)
    {
        value = 0;
        if (Remaining < 2)
        {
            return false;
        }

        var span = _bytes.Slice(Position, 2);
        value = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(span) : BinaryPrimitives.ReadUInt16LittleEndian(span);
        Position += 2;
        return true;
    }

    public bool TryInt16(out short value)
    {
        var ok = TryUInt16(out var raw);
        value = (short)raw;
        return ok;
    }

    public bool TrySFloat(out MderNumber value, bool bigEndian = false)
    {
        var ok = TryUInt16(out var raw, bigEndian);
        value = ok ? SFloat.Decode(raw) : default;
        return ok;
    }
}
