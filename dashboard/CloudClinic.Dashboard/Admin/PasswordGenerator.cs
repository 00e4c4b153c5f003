using System.Security.Cryptography;

namespace CloudClinic.Dashboard.Admin;

/// <summary>
/// New passwords for created or reset accounts, shown to the admin once and never stored in the clear: 16 characters
/// from 55 unambiguous ones (no 0/O, 1/l/I) ≈ 92 bits (NIST SP 800-63B: a random secret, no composition rules needed).
/// </summary>
internal static class PasswordGenerator
{
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    public const int Length = 16;

    public static string Next() => RandomNumberGenerator.GetString(Alphabet, Length);
}
