using System.Text;
using MQTTnet.Protocol;

namespace CloudClinic.Testing;

/// <summary>A message as a test saw it: at the broker (<see cref="ClientId"/> = publisher) or at a subscriber.</summary>
public sealed record CollectedMqttMessage(string Topic, ReadOnlyMemory<byte> Payload, bool Retain, MqttQualityOfServiceLevel QualityOfService, string? ClientId)
{
    public string PayloadText => Encoding.UTF8.GetString(Payload.Span);
}
