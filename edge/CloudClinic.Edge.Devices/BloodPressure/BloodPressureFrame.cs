using System.Diagnostics.CodeAnalysis;
using CloudClinic.Edge.Devices.Codecs;

namespace CloudClinic.Edge.Devices.BloodPressure;

/// <summary>
/// The field layout shared by Blood Pressure Measurement (0x2A35) and Intermediate Cuff Pressure (0x2A36), GATT
/// Specification Supplement: flags u8; three SFLOATs; then, as the flags say, timestamp (7), pulse SFLOAT, user id
/// u8, Measurement Status u16. Values are as sent (no unit conversion, specials kept).
/// </summary>
internal sealed record BloodPressureFrame
{
    // Flags bits (GATT Specification Supplement, Blood Pressure Measurement Flags); bits 5-7 are reserved and ignored.
    public const byte UnitKPa = 1 << 0;
    public const byte TimestampPresent = 1 << 1;
    public const byte PulsePresent = 1 << 2;
    public const byte UserIdPresent = 1 << 3;
    public const byte StatusPresent = 1 << 4;

    public required byte Flags { get; init; }

    public required MderNumber First { get; init; }

    public required MderNumber Second { get; init; }

    public required MderNumber Third { get; init; }

    public bool HasTimestamp { get; init; }

    public DateTime? Timestamp { get; init; }

    public MderNumber? Pulse { get; init; }

    public byte? UserId { get; init; }

    public ushort? Status { get; init; }

    public bool IsKPa => (Flags & UnitKPa) != 0;

    public static bool TryRead(ReadOnlySpan<byte> bytes, BloodPressureQuirks quirks, [NotNullWhen(true)] out BloodPressureFrame? frame, [NotNullWhen(false)] out string? error)
    {
        frame = null;
        var cursor = new ByteCursor(bytes);
        if (!cursor.TryByte(out var flags))
        {
            error = "empty frame";
            return false;
        }

        if (!cursor.TrySFloat(out var first) || !cursor.TrySFloat(out var second) || !cursor.TrySFloat(out var third))
        {
            error = $"truncated: {bytes.Length} bytes cannot hold the flags and three pressures (7 bytes)";
            return false;
        }

        DateTime? timestamp = null;
        var hasTimestamp = (flags & TimestampPresent) != 0;
        if (hasTimestamp && !GattDateTime.TryRead(ref cursor, out timestamp, out error))
        {
            return false;
        }

        MderNumber? pulse = null;
        if ((flags & PulsePresent) != 0)
        {
            if (!cursor.TrySFloat(out var p, quirks.PulseBigEndian))
            {
                error = "truncated in the pulse rate";
                return false;
            }

            pulse = p;
        }

        byte? userId = null;
        if ((flags & UserIdPresent) != 0 || quirks.UserIdAlwaysPresent)
        {
            if (!cursor.TryByte(out var u))
            {
                error = "truncated in the user id";
                return false;
            }

            userId = u;
        }

        ushort? status = null;
        if ((flags & StatusPresent) != 0)
        {
            if (!cursor.TryUInt16(out var s, quirks.StatusBigEndian))
            {
                error = "truncated in the measurement status";
                return false;
            }

            status = s;
        }

        if (cursor.Remaining != 0)
        {
            // Left-over bytes mean the flags do not describe the frame: every field after the mismatch is suspect.
            error = $"{cursor.Remaining} byte(s) left over after the fields flags 0x{flags:X2} announce (a meter quirk? see its profile)";
            return false;
        }

        frame = new BloodPressureFrame
        {
            Flags = flags,
            First = first,
            Second = second,
            Third = third,
            HasTimestamp = hasTimestamp,
            Timestamp = timestamp,
            Pulse = pulse,
            UserId = userId,
            Status = status,
        };
        error = null;
        return true;
    }
}
