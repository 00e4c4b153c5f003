using System.Text;

namespace CloudClinic.Contracts;

/// <summary>
/// Short ASCII strings that repeat in nearly every reading (kinds, units, transports, clinic and gateway ids, device
/// models), handed out from a small per-thread table instead of allocated again for each reading: at ingest rates
/// the allocations, not the decoding, were the cost. Values are matched byte for byte; a slot holds the last value
/// that hashed to it, so a value that is not repeated only costs the allocation it would have cost anyway. The same
/// table serves UTF-8 (JSON values) and UTF-16 (topic segments): a clinic id read from either is one string.
/// </summary>
internal static class RepeatedStrings
{
    private const int MaxBytes = 64;
    private const int SlotCount = 256;

    [ThreadStatic]
    private static string?[]? t_slots;

    /// <summary>False for anything but 1–64 ASCII bytes: the caller decodes (and validates) those itself.</summary>
    public static bool TryGet(ReadOnlySpan<byte> ascii, out string value)
    {
        value = string.Empty;
        if (ascii.IsEmpty || ascii.Length > MaxBytes || !Ascii.IsValid(ascii))
        {
            return false;
        }

        var slots = t_slots ??= new string?[SlotCount];
        ref var slot = ref slots[Slot(ascii)];
        if (slot is not { } cached || cached.Length != ascii.Length || !Ascii.Equals(ascii, cached))
        {
            slot = Encoding.ASCII.GetString(ascii);
        }

        value = slot;
        return true;
    }

    /// <summary>As <see cref="TryGet(ReadOnlySpan{byte}, out string)"/> for text already decoded, e.g. a topic's segments.</summary>
    public static bool TryGet(ReadOnlySpan<char> ascii, out string value)
    {
        value = string.Empty;
        if (ascii.IsEmpty || ascii.Length > MaxBytes || !Ascii.IsValid(ascii))
        {
            return false;
        }

        var slots = t_slots ??= new string?[SlotCount];
        ref var slot = ref slots[Slot(ascii[0], ascii[^1], ascii[ascii.Length / 2], ascii.Length)];
        if (slot is not { } cached || !ascii.SequenceEqual(cached))
        {
            slot = ascii.ToString();
        }

        value = slot;
        return true;
    }

    private static int Slot(ReadOnlySpan<byte> ascii) => Slot(ascii[0], ascii[^1], ascii[ascii.Length / 2], ascii.Length);

    // Cheap and good enough for a few dozen distinct values: length and three characters that tell ids apart. The same
    // for bytes and chars, so an ASCII value has one slot whichever way it came.
    private static int Slot(int first, int last, int middle, int length) =>
        ((length * 31) + (first * 7) + (last * 13) + (middle * 3)) & (SlotCount - 1);
}
