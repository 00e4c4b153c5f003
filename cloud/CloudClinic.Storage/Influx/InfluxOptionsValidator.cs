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
                ValidateV1(options, failures);
                break;
            case InfluxOptions.DialectV2:
                ValidateV2(options, failures);
                break;
            default:
                failures.Add($"Influx:Dialect must be 'v1' or 'v2' (got '{options.Dialect}')");
                break;
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"Influx:Timeout must be positive (got '{options.Timeout}')");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateV1(InfluxOptions options, List<string> failures)
    {
        if (!IsName(options.Database))
        {
            failures.Add($"Influx:Database must be a non-empty name of letters, digits, '_' or '-' (got '{options.Database}')");
        }

        if (options.RetentionPolicy is not null && !IsName(options.RetentionPolicy))
        {
            failures.Add($"Influx:RetentionPolicy must be a name of letters, digits, '_' or '-' (got '{options.RetentionPolicy}')");
        }

        if (!IsRetentionDuration(options.RetentionDuration))
        {
            failures.Add($"Influx:RetentionDuration must be INF or a whole number of hours, days or weeks of at least 1h, e.g. 520w (got '{options.RetentionDuration}')");
        }

        if (string.IsNullOrEmpty(options.Username) != string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Influx:Username and Influx:Password must be set together");
        }
    }

    private static void ValidateV2(InfluxOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.Org))
        {
            failures.Add("Influx:Org must be set for Influx:Dialect 'v2' (the organization that owns the bucket)");
        }

        if (!IsName(options.Bucket))
        {
            failures.Add($"Influx:Bucket must be set for Influx:Dialect 'v2': letters, digits, '_' or '-' (got '{options.Bucket}')");
        }

        if (string.IsNullOrWhiteSpace(options.Token))
        {
            failures.Add("Influx:Token must be set for Influx:Dialect 'v2' (an API token with write permission on the bucket)");
        }

        if (!string.IsNullOrEmpty(options.Username) || !string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Influx:Username/Influx:Password are for Influx:Dialect 'v1'; 'v2' authenticates with Influx:Token");
        }
    }

    /// <summary>InfluxQL duration literals InfluxDB accepts for a policy: INF, or n h/d/w (minimum 1h).</summary>
    private static bool IsRetentionDuration(string? duration) =>
        duration == "INF"
        || (duration is { Length: >= 2 } && duration[^1] is 'h' or 'd' or 'w'
            && int.TryParse(duration.AsSpan(0, duration.Length - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
            && count >= 1);

    private static bool IsName(string? name) =>
        !string.IsNullOrEmpty(name) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
