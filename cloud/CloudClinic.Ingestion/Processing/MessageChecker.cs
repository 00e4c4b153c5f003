using CloudClinic.Contracts;
using CloudClinic.Ingestion.Validation;

namespace CloudClinic.Ingestion.Processing;

/// <summary>Topic shape, JSON, then each reading (<see cref="ReadingValidator"/>): what to store and what to dead-letter.</summary>
internal static class MessageChecker
{
    private const string ReadingsLeaf = "readings";

    public static CheckedMessage Check(InboundMessage message, DateTimeOffset now, int maxPayloadBytes = IngestOptions.DefaultMaxPayloadBytes)
    {
        try
        {
            return CheckUnsafe(message, now, maxPayloadBytes);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A fault in the checks must not stall the ingest on one message: keep it for an admin instead.
            var result = new CheckedMessage(message);
            result.Refuse($"ingest could not check this message ({ex.GetType().Name}: {ex.Message})");
            return result;
        }
    }

    private static CheckedMessage CheckUnsafe(InboundMessage message, DateTimeOffset now, int maxPayloadBytes)
    {
        var result = new CheckedMessage(message);
        if (message.Payload.Length > maxPayloadBytes)
        {
            // Checked before parsing: a 10 MB payload must not cost a 10 MB JSON parse (or stall the batch).
            result.Refuse($"payload of {message.Payload.Length} bytes exceeds Ingest:MaxPayloadBytes ({maxPayloadBytes} bytes)");
            return result;
        }

        if (!Topics.TryParseGatewayTopic(message.Topic, out var clinicId, out var gatewayId, out var leaf) || leaf != ReadingsLeaf)
        {
            result.Refuse($"topic '{message.Topic}' is not {Topics.Root}/{{clinic}}/{{gateway}}/{ReadingsLeaf}");
            return result;
        }

        if (!ReadingPayload.TryParse(message.Payload, out var readings, out var sources, out var error))
        {
            result.Refuse(error);
            return result;
        }

        var json = sources is null ? null : Slices(message.Payload, sources);
        List<ReadingMessage>? accepted = null;
        List<ReadOnlyMemory<byte>>? acceptedJson = null;
        for (var i = 0; i < readings.Count; i++)
        {
            var reading = readings[i];
            if (ReadingValidator.Validate(reading, clinicId, gatewayId, now) is { } reason)
            {
                // Name the reading inside a batch so the admin can find it in the kept payload.
                result.Refuse(readings.Count == 1 ? reason : $"reading[{i}] '{reading.ReadingId}': {reason}");
                accepted ??= [.. readings.Take(i)];
                acceptedJson ??= json is null ? null : [.. json.Take(i)];
            }
            else
            {
                accepted?.Add(reading);
                acceptedJson?.Add(json![i]);
            }
        }

        result.Accepted = accepted ?? readings;
        result.AcceptedJson = accepted is null ? json : acceptedJson;
        return result;
    }

    // A loop, not Array.ConvertAll with a lambda over the payload: that was a closure and a delegate per message.
    private static ReadOnlyMemory<byte>[] Slices(byte[] payload, Range[] sources)
    {
        var slices = new ReadOnlyMemory<byte>[sources.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            slices[i] = payload.AsMemory(sources[i]);
        }

        return slices;
    }
}
