using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace CloudClinic.Dashboard.ApiKeys;

/// <summary>
/// An API key is <c>cck_{id}_{secret}</c>: a 16-hex-digit public id (finds the registry row; safe to log) and 256
/// random bits (base64url). The prefix makes a leaked key easy to spot in a repository or a log (as GitHub's token
/// prefixes do). Only <see cref="Hash"/> of the whole key is stored.
/// </summary>
internal static class ApiKeyFormat
{
    public const string Prefix = "cck_";
    public const int IdLength = 16;
    private const int SecretBytes = 32;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdef");

    // cck_ + id + '_' + base64url(32 bytes) without padding (43 characters).
    private const int KeyLength = 4 + IdLength + 1 + 43;

    public static (string Id, string Key) Create()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (id, $"{Prefix}{id}_{secret}");
    }

    /// <summary>The public id of a well-formed key; false for anything else (never throws on caller input).</summary>
    public static bool TryGetId(string? key, out string id)
    {
        id = "";
        if (key is null || key.Length != KeyLength || !key.StartsWith(Prefix, StringComparison.Ordinal) || key[Prefix.Length + IdLength] != '_')
        {
            return false;
        }

        var candidate = key.AsSpan(Prefix.Length, IdLength);
        if (candidate.ContainsAnyExcept(HexDigits))
        {
            return false;
        }

        id = candidate.ToString();
        return true;
    }

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Constant-time comparison of two hex hashes (no early exit on the first differing byte).</summary>
    public static bool HashesEqual(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
