using System.Globalization;

namespace CloudClinic.Dashboard.Admin;

/// <summary>
/// The 18-character citizen identification number of GB 11643-1999: 6-digit address code, birth date YYYYMMDD,
/// 3-digit sequence, and a check character (ISO 7064 MOD 11-2; 10 is written X).
/// </summary>
internal static class NationalIdNumber
{
    public const int Length = 18;

    // GB 11643-1999 §8.2: weight of position i (1..17, left to right) is 2^(18-i) mod 11.
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    // Check character for (Σ aᵢ·Wᵢ) mod 11 = 0..10.
    private const string CheckCharacters = "10X98765432";

    /// <summary>
    /// Null when <paramref name="input"/> is a valid number (then <paramref name="normalized"/> has an upper-case X and
    /// <paramref name="birthDate"/> the encoded date), else a <see cref="FieldErrors"/> code. Never echoes the input.
    /// </summary>
    public static string? Validate(string input, out string normalized, out DateOnly birthDate)
    {
        normalized = input.Trim().ToUpperInvariant();
        birthDate = default;
        if (normalized.Length != Length)
        {
            return FieldErrors.NationalIdFormat;
        }

        for (var i = 0; i < Length - 1; i++)
        {
            if (!char.IsAsciiDigit(normalized[i]))
            {
                return FieldErrors.NationalIdFormat;
            }
        }

        if (!char.IsAsciiDigit(normalized[^1]) && normalized[^1] != 'X')
        {
            return FieldErrors.NationalIdFormat;
        }

        if (!DateOnly.TryParseExact(normalized.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birthDate))
        {
            return FieldErrors.NationalIdDate;
        }

        return CheckCharacter(normalized) == normalized[^1] ? null : FieldErrors.NationalIdCheckDigit;
    }

    /// <summary>The check character for the first 17 digits of <paramref name="digits"/>.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (digits[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }
}
