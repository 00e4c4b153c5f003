using System.Diagnostics.CodeAnalysis;

namespace CloudClinic.Edge.Gateway.Configuration;

/// <summary>The parsed <c>Mqtt:Url</c>.</summary>
internal sealed record MqttEndpoint(string Host, int Port, bool UseTls)
{
    public const int DefaultPort = 1883;
    public const int DefaultTlsPort = 8883;

    public static bool TryParse(string url, [NotNullWhen(true)] out MqttEndpoint? endpoint, [NotNullWhen(false)] out string? error)
    {
        endpoint = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            error = $"'{url}' is not a URL like mqtt://host:1883 or mqtts://host:8883";
            return false;
        }

        bool tls;
        switch (uri.Scheme)
        {
            case "mqtt":
                tls = false;
                break;
            case "mqtts":
                tls = true;
                break;
            default:
                error = $"'{url}' must start with mqtt:// or mqtts://";
                return false;
        }

        if (uri.AbsolutePath is not ("/" or "") || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            error = $"'{url}' must be just scheme, host and port (credentials go in Mqtt:Username / Mqtt:Password)";
            return false;
        }

        var port = uri.IsDefaultPort || uri.Port < 0 ? (tls ? DefaultTlsPort : DefaultPort) : uri.Port;
        endpoint = new MqttEndpoint(uri.IdnHost, port, tls);
        error = null;
        return true;
    }
}
