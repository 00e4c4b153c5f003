using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using CloudClinic.Contracts;
using CloudClinic.Edge.Gateway.Configuration;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace CloudClinic.Edge.Gateway.Uplink;

/// <summary>
/// The gateway's MQTT 5 session (DESIGN.md §5): fixed client id, clean start false with a session expiry (the broker
/// keeps the commands subscription while the link is down), per-gateway credentials, TLS, and the offline status
/// as a retained QoS 1 will on the status topic.
/// </summary>
internal static class MqttClientOptionsFactory
{
    /// <summary>
    /// SO_SNDBUF/SO_RCVBUF for the broker socket. MQTTnet always sets both to its BufferSize (8 KiB by default), which
    /// turns off Linux's buffer auto-tuning (tcp(7)): a 230 KB backlog batch then trickles out 16 KB at a time, each
    /// step waiting for the broker's delayed ACK (~40 ms; measured: 96 ms PUBACK round trip per batch on loopback,
    /// 13 ms with this value). The kernel caps the request at net.core.wmem_max/rmem_max (kernel default 208 KiB).
    /// </summary>
    public const int SocketBufferBytes = 1 << 20;

    public static string ClientId(EdgeOptions edge) => $"cloudclinic-gw-{edge.ClinicId}-{edge.GatewayId}";

    public static MqttClientOptions Create(MqttOptions mqtt, EdgeOptions edge, GatewayStatusMessage will)
    {
        if (!MqttEndpoint.TryParse(mqtt.Url, out var endpoint, out var error))
        {
            throw new InvalidOperationException($"Mqtt:Url {error}");
        }

        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(endpoint.Host, endpoint.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(ClientId(edge))
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)mqtt.SessionExpirySeconds)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(mqtt.KeepAliveSeconds))
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithWillTopic(Topics.Status(edge.ClinicId, edge.GatewayId))
            .WithWillPayload(JsonSerializer.SerializeToUtf8Bytes(will, ContractJsonContext.Default.GatewayStatusMessage))
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillContentType("application/json");

        if (!string.IsNullOrEmpty(mqtt.Username))
        {
            builder.WithCredentials(mqtt.Username, mqtt.Password ?? string.Empty);
        }

        if (endpoint.UseTls)
        {
            builder.WithTlsOptions(tls =>
            {
                tls.UseTls().WithTargetHost(endpoint.Host);
                if (!string.IsNullOrEmpty(mqtt.CaFile))
                {
                    // Trust exactly this CA for the broker, not the system store (a county's private CA).
                    var chain = new X509Certificate2Collection();
                    chain.ImportFromPemFile(mqtt.CaFile);
                    tls.WithTrustChain(chain);
                }
            });
        }

        var options = builder.Build();
        if (options.ChannelOptions is MqttClientTcpOptions tcp)
        {
            tcp.BufferSize = SocketBufferBytes;
        }

        return options;
    }
}
