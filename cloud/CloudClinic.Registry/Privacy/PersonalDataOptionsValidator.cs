using Microsoft.Extensions.Options;

namespace CloudClinic.Registry.Privacy;

/// <summary>Rejects a key that is not base64 of exactly 32 bytes, naming the key but never echoing its value.</summary>
internal sealed class PersonalDataOptionsValidator : IValidateOptions<PersonalDataOptions>
{
    public ValidateOptionsResult Validate(string? name, PersonalDataOptions options)
    {
        if (string.IsNullOrEmpty(options.EncryptionKey))
        {
            return ValidateOptionsResult.Skip; // [Required] reports it
        }

        var buffer = new byte[options.EncryptionKey.Length];
        return Convert.TryFromBase64String(options.EncryptionKey, buffer, out var length) && length == PersonalDataProtector.KeyBytes
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Registry:EncryptionKey must be base64 of {PersonalDataProtector.KeyBytes} bytes");
    }
}
