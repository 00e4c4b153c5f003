using System.Buffers.Binary;

namespace CloudClinic.Edge.Devices.Codecs;

/// <summary>
/// IEEE 11073-20601 FLOAT-Type (Annex F.8): 32 bits, little-endian on a GATT link; a signed 8-bit exponent (top
/// byte) and a signed 24-bit mantissa. Special values are whole raw words with exponent 0.
/// </summary>
public static class Float32
{
    public const int Size = 4;

    public const uint NaN = 0x007F_FFFF;
    public const uint NotAtThisResolution = 0x0080_0000;
    public const uint PositiveInfinity = 0x007F_FFFE;
    public const uint NegativeInfinity = 0x0080_0002;
    public const uint Reserved = 0x0080_0001;

    public static MderNumber Decode(uint raw) => raw switch
    {
        NaN => MderNumber.Special(MderValueKind.NaN),
        NotAtThisResolution => MderNumber.Special(MderValueKind.NotAtThisResolution),
        PositiveInfinity => MderNumber.Special(MderValueKind.PositiveInfinity),
        NegativeInfinity => MderNumber.Special(MderValueKind.NegativeInfinity),
        Reserved => MderNumber.Special(MderValueKind.Reserved),
        _ => new MderNumber(MderValueKind.Number, (int)(raw << 8) >> 8, (int)raw >> 24),
    };

    public static bool TryDecode(ReadOnlySpan<byte> bytes, out MderNumber value)
    {
        if (bytes.Length < Size)
        {
            value = default;
            return false;
        }

        value = Decode(BinaryPrimitives.ReadUInt32LittleEndian(bytes));
        return true;
    }

    public static uint Encode(int mantissa, int exponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(mantissa, -8_388_605);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(mantissa, 8_388_605);
        ArgumentOutOfRangeException.ThrowIfLessThan(exponent, -128);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(exponent, 127);
        return ((uint)(exponent & 0xFF) << 24) | ((uint)mantissa & 0x00FF_FFFF);
    }
}
