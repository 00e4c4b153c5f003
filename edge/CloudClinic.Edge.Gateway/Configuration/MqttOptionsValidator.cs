using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway.Configuration;

/// <summary>URL shape, credentials and CA file, with messages naming the <c>Mqtt:</c> key.</summary>
internal sealed class MqttOptionsValidator : IValidateOptions<MqttOptions>
{
    public ValidateOptionsResult Validate(string? name, MqttOptions options)
    {
        var failures = new List<string>();
        MqttEndpoint? endpoint = null;
        if (!string.IsNullOrEmpty(options.Url) && !MqttEndpoint.TryParse(options.Url, out endpoint, out var error))
        {
            failures.Add($"Mqtt:Url {error}");
        }

        if (string.IsNullOrEmpty(options.Username) && !string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Mqtt:Password is set but Mqtt:Username is not");
        }

        if (!string.IsNullOrEmpty(options.CaFile))
        {
            if (endpoint is { UseTls: false })
            {
                failures.Add("Mqtt:CaFile is set but Mqtt:Url is not mqtts://");
            }

            if (!File.Exists(options.CaFile))
            {
                failures.Add($"Mqtt:CaFile '{options.CaFile}' does not exist");
            }
        }

        if (options.ReconnectMaxSeconds < options.ReconnectMinSeconds)
        {
            failures.Add("Mqtt:ReconnectMaxSeconds must not be below Mqtt:ReconnectMinSeconds");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
