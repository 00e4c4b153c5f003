using MQTTnet;

namespace CloudClinic.Ingestion;

/// <summary>
/// A received, not yet acknowledged readings message. <see cref="Connection"/> numbers the broker connection it came
/// on: after a reconnect the broker re-sends it, and the old copy must not be acknowledged (its packet id may by then
/// belong to another message).
/// </summary>
internal sealed record InboundMessage(
    MqttApplicationMessageReceivedEventArgs Delivery,
    string Topic,
    byte[] Payload,
    int Connection,
    DateTimeOffset ReceivedAt);
