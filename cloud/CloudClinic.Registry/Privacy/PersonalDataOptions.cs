using System.ComponentModel.DataAnnotations;

namespace CloudClinic.Registry.Privacy;

/// <summary>The <c>Registry</c> section: the key of the personal-data encryption (never logged, never in the database).</summary>
public sealed class PersonalDataOptions
{
    public const string SectionName = "Registry";

    /// <summary>Base64 of 32 random bytes (<c>openssl rand -base64 32</c>), from an environment variable or secret file.</summary>
    [Required(ErrorMessage = "Registry:EncryptionKey must be set (base64 of 32 bytes, e.g. openssl rand -base64 32)")]
    public string? EncryptionKey { get; set; }
}
