using System.Security.Cryptography;
using System.Text;

namespace CloudClinic.Registry.Privacy;

/// <summary>
/// AES-256-GCM for the registry's personal data (PIPL: health data is sensitive personal information). Output is
/// base64 of <c>version(1) ‖ nonce(12) ‖ tag(16) ‖ ciphertext</c>; the purpose (e.g. <c>patient/p-1/name</c>) is the
/// associated data, so a ciphertext copied to another row or field does not decrypt.
/// </summary>
public sealed class PersonalDataProtector
{
    public const int KeyBytes = 32;
    private const byte Version = 1;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int HeaderBytes = 1 + NonceBytes + TagBytes;

    private readonly byte[] _key;
    private readonly byte[] _lookupKey;

    public PersonalDataProtector(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeyBytes)
        {
            throw new ArgumentException($"the key must be {KeyBytes} bytes", nameof(key));
        }

        _key = key.ToArray();

        // A separate key for lookup hashes (RFC 5869 HKDF, distinct info): the encryption key itself is never an HMAC key.
        _lookupKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, KeyBytes, salt: [], info: "cloudclinic-lookup/1"u8.ToArray());
    }

    /// <summary>
    /// HMAC-SHA256 of <paramref name="value"/> under a key derived from the registry key, lower-case hex: equal inputs
    /// give equal hashes, so an encrypted field can be found again (re-import by national ID) without storing it in
    /// the clear. Keyed, so a leaked table cannot be matched against the small space of valid ID numbers.
    /// </summary>
    public string LookupHash(string value, string purpose)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_lookupKey, Encoding.UTF8.GetBytes(purpose + "\n" + value)));
    }

    public string Protect(string plaintext, string purpose)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[HeaderBytes + data.Length];
        output[0] = Version;
        var nonce = output.AsSpan(1, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, data, output.AsSpan(HeaderBytes), output.AsSpan(1 + NonceBytes, TagBytes), Encoding.UTF8.GetBytes(purpose));
        return Convert.ToBase64String(output);
    }

    /// <summary>Throws <see cref="CryptographicException"/> for a wrong key, purpose or tampered value.</summary>
    public string Unprotect(string protectedText, string purpose)
    {
        ArgumentNullException.ThrowIfNull(protectedText);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        var input = Convert.FromBase64String(protectedText);
        if (input.Length < HeaderBytes || input[0] != Version)
        {
            throw new CryptographicException("not a protected value of a known version");
        }

        var plain = new byte[input.Length - HeaderBytes];
        using var aes = new AesGcm(_key, TagBytes);
        aes.Decrypt(input.AsSpan(1, NonceBytes), input.AsSpan(HeaderBytes), input.AsSpan(1 + NonceBytes, TagBytes), plain, Encoding.UTF8.GetBytes(purpose));
        return Encoding.UTF8.GetString(plain);
    }
}
