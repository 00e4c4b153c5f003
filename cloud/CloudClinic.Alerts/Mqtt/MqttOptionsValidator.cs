using Microsoft.Extensions.Options;

namespace CloudClinic.Alerts.Mqtt;

/// <summary>Start-up check of the <c>Mqtt</c> section; every message names the key.</summary>
internal sealed class MqttOptionsValidator : IValidateOptions<MqttOptions>
{
    public ValidateOptionsResult Validate(string? name, MqttOptions options)
    {
        var failures = new List<string>();
        if (!MqttConnection.TryParseUrl(options.Url, out _, out _, out _))
        {
            failures.Add($"Mqtt:Url must be mqtt://host:port or mqtts://host:port (got '{options.Url}')");
        }

        if (string.IsNullOrEmpty(options.Username) && !string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Mqtt:Password is set but Mqtt:Username is not");
        }

        if (!string.IsNullOrEmpty(options.CaFile) && !File.Exists(options.CaFile))
        {
            failures.Add($"Mqtt:CaFile '{options.CaFile}' does not exist");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
