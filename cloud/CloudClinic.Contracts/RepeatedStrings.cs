using System.Text;

namespace CloudClinic.Contracts;

/// <summary>
/// Short ASCII strings that repeat in nearly every reading (kinds, units, transports, clinic and gateway ids, device
/// models), handed out from a small per-thread table instead of allocated again for each reading: at ingest rates
/// the allocations, not the decoding, were the cost. Values are matched byte for byte; a slot holds the last value
/// that hashed to it, so a value that is not repeated only costs the allocation it would have cost anyway.
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

    // Cheap and good enough for a few dozen distinct values: length and three bytes that tell ids apart.
    private static int Slot(ReadOnlySpan<byte> ascii) =>
        ((ascii.Length * 31) + (ascii[0] * 7) + (ascii[^1] * 13) + (ascii[ascii.Length / 2] * 3)) & (SlotCount - 1);
}
