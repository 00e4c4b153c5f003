using CloudClinic.Contracts;
using CloudClinic.Testing;
using MQTTnet.Protocol;

namespace CloudClinic.Edge.Gateway.Tests;

/// <summary>TLS with a private CA (Mqtt:CaFile) and per-gateway credentials (DESIGN.md §5).</summary>
public sealed class UplinkSecurityTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly string StatusTopic = Topics.Status(GatewayUnderTest.ClinicId, GatewayUnderTest.GatewayId);
    private readonly string _directory = Directory.CreateTempSubdirectory("cloudclinic-tls-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Mqtts_BrokerSignedByTheConfiguredCa_Connects()
    {
        using var certificates = TestCertificates.Create("County CA");
        await using var broker = await InProcessMqttBroker.StartAsync(tlsCertificate: certificates.Server);
        await using var gateway = GatewayUnderTest.Create(broker.Url, new Dictionary<string, string?> { ["Mqtt:CaFile"] = certificates.WriteCaPem(_directory) });

        await gateway.StartAsync();

        await broker.Published.WaitForAsync(m => m.Any(x => x.Topic == StatusTopic), Timeout);
    }

    [Fact]
    public async Task Mqtts_BrokerSignedByAnotherCa_IsRefusedAndReported()
    {
        using var certificates = TestCertificates.Create("County CA");
        using var impostor = TestCertificates.Create("Impostor CA");
        await using var broker = await InProcessMqttBroker.StartAsync(tlsCertificate: impostor.Server);
        var connected = false;
        broker.ClientConnected += _ => connected = true;
        await using var gateway = GatewayUnderTest.Create(broker.Url, new Dictionary<string, string?> { ["Mqtt:CaFile"] = certificates.WriteCaPem(_directory) });

        await gateway.StartAsync();

        await WaitForUplinkErrorAsync(gateway);
        Assert.False(connected);
        Assert.Contains("certificate", gateway.Board.UplinkError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_AreSentAndWrongOnesAreReported()
    {
        await using var broker = await InProcessMqttBroker.StartAsync();
        broker.Server.ValidatingConnectionAsync += e =>
        {
            if (e.UserName != "gw-1" || e.Password != "secret")
            {
                e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            }

            return Task.CompletedTask;
        };

        await using (var wrong = GatewayUnderTest.Create(broker.Url, Credentials("nope")))
        {
            await wrong.StartAsync();
            await WaitForUplinkErrorAsync(wrong);
            Assert.Contains("BadUserNameOrPassword", wrong.Board.UplinkError, StringComparison.Ordinal);
        }

        await using var right = GatewayUnderTest.Create(broker.Url, Credentials("secret"));
        await right.StartAsync();
        await broker.Published.WaitForAsync(m => m.Any(x => x.Topic == StatusTopic && x.ClientId == GatewayUnderTest.ClientId), Timeout);
    }

    private static Dictionary<string, string?> Credentials(string password) => new()
    {
        ["Mqtt:Username"] = "gw-1",
        ["Mqtt:Password"] = password,
    };

    private static Task WaitForUplinkErrorAsync(GatewayUnderTest gateway) =>
        Eventually.WaitAsync(
            () => gateway.Board.UplinkError is not null,
            h => gateway.Board.Changed += h,
            h => gateway.Board.Changed -= h,
            Timeout,
            () => "no uplink error reported");
}
