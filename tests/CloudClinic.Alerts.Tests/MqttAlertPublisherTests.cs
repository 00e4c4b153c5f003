using System.Text.Json;
using CloudClinic.Alerts.Mqtt;
using CloudClinic.Alerts.Publishing;
using CloudClinic.Alerts.Rules;
using CloudClinic.Contracts;
using CloudClinic.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace CloudClinic.Alerts.Tests;

public sealed class MqttAlertPublisherTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static AlertEventMessage Alert() => new()
    {
        Schema = AlertEventMessage.SchemaV1,
        Event = AlertEvents.Raised,
        AlertId = AlertIds.For(BpUrgentRule.RuleId, "r-1"),
        Rule = BpUrgentRule.RuleId,
        Severity = AlertSeverities.Urgent,
        State = AlertStates.Open,
        ClinicId = "clinic-a",
        PatientId = "p-001",
        ReadingIds = ["r-1"],
        Values = new Dictionary<string, double> { ["systolic"] = 185, ["diastolic"] = 95 },
        At = new DateTimeOffset(2025, 3, 1, 1, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task PublishAsync_Alert_ArrivesOnClinicAlertsTopicAtQos1()
    {
        await using var broker = await TestBroker.StartAsync();
        using var subscriber = new MqttClientFactory().CreateMqttClient();
        var received = new TaskCompletionSource<MqttApplicationMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        subscriber.ApplicationMessageReceivedAsync += e =>
        {
            received.TrySetResult(e.ApplicationMessage);
            return Task.CompletedTask;
        };
        await subscriber.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).Build());
        await subscriber.SubscribeAsync(Topics.AllAlerts, MqttQualityOfServiceLevel.AtLeastOnce);
        await using var publisher = Publisher(broker.Url);
        var alert = Alert();

        await publisher.PublishAsync(alert, CancellationToken.None);
        var message = await received.Task.WaitAsync(Timeout);

        Assert.Equal("cloudclinic/v1/clinic-a/alerts", message.Topic);
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, message.QualityOfServiceLevel);
        var sent = JsonSerializer.Deserialize(message.Payload.FirstSpan, ContractJsonContext.Default.AlertEventMessage)!;
        Assert.Equal((alert.AlertId, alert.Rule, alert.Severity, alert.At), (sent.AlertId, sent.Rule, sent.Severity, sent.At));
    }

    [Fact]
    public async Task PublishAsync_BrokerRefuses_ThrowsWithReason()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.RefusePublishes = true;
        await using var publisher = Publisher(broker.Url);

        var ex = await Assert.ThrowsAsync<AlertPublishException>(() => publisher.PublishAsync(Alert(), CancellationToken.None));

        Assert.Contains("NotAuthorized", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_NoBroker_Throws()
    {
        await using var publisher = Publisher($"mqtt://127.0.0.1:{FreeTcpPort.Next()}");

        var ex = await Assert.ThrowsAsync<AlertPublishException>(() => publisher.PublishAsync(Alert(), CancellationToken.None));

        Assert.Contains("cannot connect", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_BrokerBackAfterFailure_Publishes()
    {
        var port = FreeTcpPort.Next();
        await using var publisher = Publisher($"mqtt://127.0.0.1:{port}");
        await Assert.ThrowsAsync<AlertPublishException>(() => publisher.PublishAsync(Alert(), CancellationToken.None));
        await using var broker = await TestBroker.StartOnAsync(port);

        await publisher.PublishAsync(Alert(), CancellationToken.None);
    }

    private static MqttAlertPublisher Publisher(string url) =>
        new(Options.Create(new MqttOptions { Url = url }), NullLogger<MqttAlertPublisher>.Instance);
}
