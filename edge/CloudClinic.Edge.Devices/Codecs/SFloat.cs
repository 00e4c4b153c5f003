using System.Buffers.Binary;

namespace CloudClinic.Edge.Devices.Codecs;

/// <summary>
/// IEEE 11073-20601 SFLOAT-Type (Annex F.8): 16 bits, little-endian on a GATT link; a signed 4-bit exponent (top
/// nibble) and a signed 12-bit mantissa. The special values are whole raw words (exponent 0), checked before the
/// split: an unsigned-exponent decoder reads <c>B0 F0</c> as 176e15 instead of 17.6.
/// </summary>
public static class SFloat
{
    public const int Size = 2;

    public const ushort NaN = 0x07FF;
    public const ushort NotAtThisResolution = 0x0800;
    public const ushort PositiveInfinity = 0x07FE;
    public const ushort NegativeInfinity = 0x0802;
    public const ushort Reserved = 0x0801;

    public static MderNumber Decode(ushort raw) => raw switch
    {
        NaN => MderNumber.Special(MderValueKind.NaN),
        NotAtThisResolution => MderNumber.Special(MderValueKind.NotAtThisResolution),
        PositiveInfinity => MderNumber.Special(MderValueKind.PositiveInfinity),
        NegativeInfinity => MderNumber.Special(MderValueKind.NegativeInfinity),
        Reserved => MderNumber.Special(MderValueKind.Reserved),
        // Shifts on a sign-carrying type extend the sign of each field.
        _ => new MderNumber(MderValueKind.Number, (short)(raw << 4) >> 4, (short)raw >> 12),
    };

    /// <summary>Decodes the first two bytes (little-endian); false when fewer than two bytes are left.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out MderNumber value)
    {
        if (bytes.Length < Size)
        {
            value = default;
            return false;
        }

        value = Decode(BinaryPrimitives.ReadUInt16LittleEndian(bytes));
        return true;
    }

    /// <summary>The raw word for mantissa × 10^exponent (simulators and tests); the mantissa range ±2045 keeps clear of the special words.</summary>
    public static ushort Encode(int mantissa, int exponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(mantissa, -2045);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(mantissa, 2045);
        ArgumentOutOfRangeException.ThrowIfLessThan(exponent, -8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(exponent, 7);
        return (ushort)(((exponent & 0xF) << 12) | (mantissa & 0x0FFF));
    }
}
