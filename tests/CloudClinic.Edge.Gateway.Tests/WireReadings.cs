using CloudClinic.Contracts;
using CloudClinic.Testing;

namespace CloudClinic.Edge.Gateway.Tests;

/// <summary>Reads the readings out of collected MQTT messages (single objects and array batches alike).</summary>
internal static class WireReadings
{
    public static IReadOnlyList<ReadingMessage> From(IEnumerable<CollectedMqttMessage> messages, string topic) =>
    [
        .. messages.Where(m => m.Topic == topic).SelectMany(m => ReadingPayload.TryParse(m.Payload.Span, out var readings, out var error)
            ? readings
            : throw new InvalidOperationException($"bad payload on {topic}: {error}")),
    ];

    public static int DistinctIds(IEnumerable<CollectedMqttMessage> messages, string topic) =>
        From(messages, topic).Select(r => r.ReadingId).Distinct().Count();

    public static GatewayStatusMessage Status(CollectedMqttMessage message) =>
        System.Text.Json.JsonSerializer.Deserialize(message.Payload.Span, ContractJsonContext.Default.GatewayStatusMessage)!;
}
