using System.Buffers;
using System.Runtime.InteropServices;

namespace CloudClinic.Ingestion.Mqtt;

/// <summary>
/// A received message's payload as an array the ingest may keep until the message is stored and acknowledged.
/// MQTTnet (5.2) decodes each PUBLISH's payload into a new array of exactly its length and keeps it in the delivery
/// (held until the acknowledgement anyway), so that array is used as it is; copying it was a second array per message
/// (~330 bytes per reading) living as long as the first. Anything else — a slice of a larger buffer, several segments —
/// is copied. ReceivedPayloadTests pins MQTTnet's behaviour: should an upgrade pool or reuse payload buffers, it fails.
/// </summary>
internal static class ReceivedPayload
{
    public static byte[] Keep(ReadOnlySequence<byte> payload) =>
        payload.IsSingleSegment
        && MemoryMarshal.TryGetArray(payload.First, out var segment)
        && segment.Offset == 0
        && segment.Count == segment.Array!.Length
            ? segment.Array
            : payload.ToArray();
}
