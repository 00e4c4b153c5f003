using Microsoft.Extensions.Options;

namespace CloudClinic.Storage.Influx;

/// <summary>Start-up check of the <c>Influx</c> section, only when InfluxDB is the reading store.</summary>
internal sealed class InfluxOptionsValidator(IOptions<ReadingStorageOptions> storage) : IValidateOptions<InfluxOptions>
{
    public ValidateOptionsResult Validate(string? name, InfluxOptions options)
    {
        try
        {
            if (!storage.Value.UsesInflux)
            {
                return ValidateOptionsResult.Skip;
            }
        }
        catch (OptionsValidationException)
        {
            // The Storage section is broken; its own validator reports that, once.
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            failures.Add($"Influx:Url must be an absolute http:// or https:// URL (got '{options.Url}')");
        }

        switch (options.Dialect)
        {
            case InfluxOptions.DialectV1:
                break;
            case InfluxOptions.DialectV2:
                failures.Add(
                    "Influx:Dialect 'v2' is not implemented in this build; use 'v1' (POST /write, GET /query), which " +
                    "InfluxDB 1.x serves and 1.8+, 2.x (with a DBRP mapping) and 3.x also accept");
                break;
            default:
                failures.Add($"Influx:Dialect must be 'v1' or 'v2' (got '{options.Dialect}')");
                break;
        }

        if (string.IsNullOrEmpty(options.Database) || !options.Database.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            failures.Add($"Influx:Database must be a non-empty name of letters, digits, '_' or '-' (got '{options.Database}')");
        }

        if (string.IsNullOrEmpty(options.Username) != string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Influx:Username and Influx:Password must be set together");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"Influx:Timeout must be positive (got '{options.Timeout}')");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
