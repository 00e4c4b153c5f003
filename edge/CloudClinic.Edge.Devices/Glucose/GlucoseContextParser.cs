using System.Diagnostics.CodeAnalysis;
using CloudClinic.Contracts;
using CloudClinic.Edge.Devices.Codecs;

namespace CloudClinic.Edge.Devices.Glucose;

/// <summary>
/// Glucose Measurement Context, characteristic 0x2A34 (GATT Specification Supplement): flags u8, sequence u16,
/// [extended flags u8 (b7)], [carbohydrate id u8 + SFLOAT kg (b0)], [meal u8 (b1)], [tester/health u8 (b2)],
/// [exercise duration u16 s + intensity u8 % (b3)], [medication id u8 + SFLOAT kg or litres (b4, b5 = litres)],
/// [HbA1c SFLOAT % (b6)]. Every optional field is skipped or read in that order. Pure; never throws.
/// </summary>
public static class GlucoseContextParser
{
    public const ushort CharacteristicUuid = 0x2A34;

    private const byte Carbohydrate = 1 << 0;
    private const byte MealPresent = 1 << 1;
    private const byte TesterHealth = 1 << 2;
    private const byte Exercise = 1 << 3;
    private const byte MedicationPresent = 1 << 4;
    private const byte MedicationLitres = 1 << 5;
    private const byte HbA1c = 1 << 6;
    private const byte ExtendedFlags = 1 << 7;

    public static bool TryParse(ReadOnlySpan<byte> value, [NotNullWhen(true)] out GlucoseContext? context, [NotNullWhen(false)] out string? error)
    {
        context = null;
        var cursor = new ByteCursor(value);
        if (!cursor.TryByte(out var flags) || !cursor.TryUInt16(out var sequence))
        {
            return Fail("truncated before the sequence number", out error);
        }

        // Extended flags are reserved for future use and carry no field of their own yet.
        if ((flags & ExtendedFlags) != 0 && !cursor.TryByte(out _))
        {
            return Fail("truncated in the extended flags", out error);
        }

        var result = new GlucoseContext { Sequence = sequence };
        if ((flags & Carbohydrate) != 0)
        {
            if (!cursor.TryByte(out _) || !cursor.TrySFloat(out var kg))
            {
                return Fail("truncated in the carbohydrate", out error);
            }

            result = result with { CarbohydrateGrams = kg.TryGetValue(3, out var g) ? g : null };
        }

        if ((flags & MealPresent) != 0)
        {
            if (!cursor.TryByte(out var meal))
            {
                return Fail("truncated in the meal", out error);
            }

            result = result with { Meal = MealName(meal) };
        }

        if ((flags & TesterHealth) != 0)
        {
            if (!cursor.TryByte(out var th))
            {
                return Fail("truncated in the tester/health", out error);
            }

            result = result with { Tester = (byte)(th & 0x0F), Health = (byte)(th >> 4) };
        }

        if ((flags & Exercise) != 0)
        {
            if (!cursor.TryUInt16(out var seconds) || !cursor.TryByte(out var intensity))
            {
                return Fail("truncated in the exercise duration/intensity", out error);
            }

            result = result with { ExerciseDurationSeconds = seconds, ExerciseIntensityPercent = intensity };
        }

        if ((flags & MedicationPresent) != 0)
        {
            if (!cursor.TryByte(out _) || !cursor.TrySFloat(out var amount))
            {
                return Fail("truncated in the medication", out error);
            }

            // kg → mg is 10^6, litres → mL is 10^3 (the SFLOAT exponent absorbs it exactly).
            var litres = (flags & MedicationLitres) != 0;
            result = result with { Medication = amount.TryGetValue(litres ? 3 : 6, out var m) ? m : null, MedicationInMillilitres = litres };
        }

        if ((flags & HbA1c) != 0)
        {
            if (!cursor.TrySFloat(out var hba1c))
            {
                return Fail("truncated in the HbA1c", out error);
            }

            result = result with { HbA1cPercent = hba1c.TryGetValue(out var p) ? p : null };
        }

        if (cursor.Remaining != 0)
        {
            return Fail($"{cursor.Remaining} byte(s) left over after the fields flags 0x{flags:X2} announce", out error);
        }

        context = result;
        error = null;
        return true;
    }

    /// <summary>Meal field (GATT): 1 preprandial, 2 postprandial, 3 fasting, 4 casual (snacks, drinks), 5 bedtime.</summary>
    internal static string MealName(byte meal) => meal switch
    {
        1 => MealContexts.Preprandial,
        2 => MealContexts.Postprandial,
        3 => MealContexts.Fasting,
        4 => MealContexts.Casual,
        5 => MealContexts.Bedtime,
        _ => MealContexts.Unknown,
    };

    private static bool Fail(string reason, out string error)
    {
        error = reason;
        return false;
    }
}
