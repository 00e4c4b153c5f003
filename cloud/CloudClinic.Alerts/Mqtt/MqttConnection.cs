using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;

namespace CloudClinic.Alerts.Mqtt;

/// <summary>Turns <see cref="MqttOptions"/> into MQTTnet client options: MQTT 5, TCP or TLS, credentials.</summary>
public static class MqttConnection
{
    public const int DefaultPort = 1883;
    public const int DefaultTlsPort = 8883;

    public static bool TryParseUrl(string? url, [NotNullWhen(true)] out string? host, out int port, out bool useTls)
    {
        host = null;
        port = 0;
        useTls = false;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("mqtt" or "mqtts")
            || string.IsNullOrEmpty(uri.Host) || uri.AbsolutePath is not ("/" or "") || !string.IsNullOrEmpty(uri.Query))
        {
            return false;
        }

        useTls = uri.Scheme == "mqtts";
        host = uri.Host;
        port = uri.IsDefaultPort || uri.Port < 0 ? (useTls ? DefaultTlsPort : DefaultPort) : uri.Port;
        return true;
    }

    /// <summary>A builder with the broker, protocol, TLS and credentials set; callers add client id and session.</summary>
    public static MqttClientOptionsBuilder CreateBuilder(MqttOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!TryParseUrl(options.Url, out var host, out var port, out var useTls))
        {
            throw new ArgumentException($"Mqtt:Url must be mqtt://host:port or mqtts://host:port (got '{options.Url}')", nameof(options));
        }

        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (!string.IsNullOrEmpty(options.Username))
        {
            builder.WithCredentials(options.Username, options.Password ?? string.Empty);
        }

        if (useTls)
        {
            builder.WithTlsOptions(tls =>
            {
                tls.UseTls().WithTargetHost(host);
                if (!string.IsNullOrEmpty(options.CaFile))
                {
                    // A private CA (the county's own) instead of the system store.
                    var trust = new X509Certificate2Collection();
                    trust.ImportFromPemFile(options.CaFile);
                    tls.WithTrustChain(trust);
                }
            });
        }

        return builder;
    }
}
