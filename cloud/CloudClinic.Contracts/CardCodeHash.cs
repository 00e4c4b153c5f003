using System.Security.Cryptography;
using System.Text;

namespace CloudClinic.Contracts;

/// <summary>
/// How a patient card's code travels in a <see cref="RosterMessage"/>: SHA-256 over a versioned prefix, the clinic id
/// and the code, lower-case hex. The clinic id salts it, so one clinic's roster cannot be matched against another's;
/// the raw code (often a printed number) never leaves the registry. Both sides trim the code first.
/// </summary>
public static class CardCodeHash
{
    public static string Compute(string clinicId, string cardCode)
    {
        ArgumentNullException.ThrowIfNull(clinicId);
        ArgumentNullException.ThrowIfNull(cardCode);
        var input = Encoding.UTF8.GetBytes($"cloudclinic-card/1\n{clinicId}\n{cardCode.Trim()}");
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }
}
