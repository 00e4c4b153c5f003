using CloudClinic.Alerts.Mqtt;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudClinic.Alerts.Tests;

public sealed class MqttConnectionTests
{
    [Theory]
    [InlineData("mqtt://broker:1884", "broker", 1884, false)]
    [InlineData("mqtt://127.0.0.1", "127.0.0.1", 1883, false)]
    [InlineData("mqtts://mq.county.cn", "mq.county.cn", 8883, true)]
    [InlineData("mqtts://mq.county.cn:9883/", "mq.county.cn", 9883, true)]
    public void TryParseUrl_ValidUrl_GivesHostPortTls(string url, string host, int port, bool tls)
    {
        Assert.True(MqttConnection.TryParseUrl(url, out var parsedHost, out var parsedPort, out var parsedTls));
        Assert.Equal((host, port, tls), (parsedHost, parsedPort, parsedTls));
    }

    [Theory]
    [InlineData("")]
    [InlineData("broker:1883")]
    [InlineData("http://broker:1883")]
    [InlineData("mqtt://broker:1883/path")]
    [InlineData("tcp://broker")]
    public void TryParseUrl_Invalid_ReturnsFalse(string url)
    {
        Assert.False(MqttConnection.TryParseUrl(url, out _, out _, out _));
    }

    [Theory]
    [InlineData("Mqtt:Url", "localhost:1883", "Mqtt:Url")]
    [InlineData("Mqtt:Password", "secret", "Mqtt:Username")]
    [InlineData("Mqtt:CaFile", "/nonexistent/ca.pem", "Mqtt:CaFile")]
    public async Task AddAlerting_BadMqttKey_StartFailsNamingTheKey(string key, string value, string expected)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.AddAlerting();
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
