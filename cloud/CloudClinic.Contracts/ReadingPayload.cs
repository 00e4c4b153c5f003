using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace CloudClinic.Contracts;

/// <summary>
/// The readings topic carries one reading object or an array of up to <see cref="MaxBatch"/> (backlog replay).
/// Parsing never throws on bad input: it returns a reason a person can act on.
/// </summary>
public static class ReadingPayload
{
    public const int MaxBatch = 500;

    public static byte[] Serialize(ReadingMessage reading) =>
        JsonSerializer.SerializeToUtf8Bytes(reading, ContractJsonContext.Default.ReadingMessage);

    public static byte[] Serialize(IReadOnlyCollection<ReadingMessage> readings) =>
        readings.Count == 1
            ? Serialize(readings.First())
            : JsonSerializer.SerializeToUtf8Bytes(readings.ToArray(), ContractJsonContext.Default.ReadingMessageArray);

    public static bool TryParse(
        ReadOnlySpan<byte> utf8Json,
        [NotNullWhen(true)] out IReadOnlyList<ReadingMessage>? readings,
        [NotNullWhen(false)] out string? error) =>
        TryParse(utf8Json, out readings, out _, out error);

    /// <summary>
    /// As <see cref="TryParse(ReadOnlySpan{byte}, out IReadOnlyList{ReadingMessage}?, out string?)"/>, and where each
    /// reading's own object lies in the payload (<see cref="ReadingJsonFastPath"/>); <paramref name="sources"/> is null
    /// when the serializer read the payload instead (a shape outside the fast path's).
    /// </summary>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8Json,
        [NotNullWhen(true)] out IReadOnlyList<ReadingMessage>? readings,
        out Range[]? sources,
        [NotNullWhen(false)] out string? error)
    {
        readings = null;
        sources = null;
        try
        {
            var first = FirstToken(utf8Json);
            if (first == (byte)'[')
            {
                var fastRead = ReadingJsonFastPath.TryRead(utf8Json, out var fast, out var fastSources);
                var array = fastRead
                    ? fast
                    : JsonSerializer.Deserialize(utf8Json, ContractJsonContext.Default.ReadingMessageArray);
                if (array is null || array.Length == 0)
                {
                    error = "empty reading array";
                    return false;
                }

                if (array.Length > MaxBatch)
                {
                    error = $"batch of {array.Length} readings exceeds the limit of {MaxBatch}";
                    return false;
                }

                if (Array.Exists(array, r => r is null))
                {
                    error = "null element in reading array";
                    return false;
                }

                readings = array;
                sources = fastRead ? fastSources : null;
            }
            else if (first == (byte)'{')
            {
                var fastRead = ReadingJsonFastPath.TryRead(utf8Json, out var fast, out var fastSources);
                var one = fastRead
                    ? fast[0]
                    : JsonSerializer.Deserialize(utf8Json, ContractJsonContext.Default.ReadingMessage);
                if (one is null)
                {
                    error = "null reading";
                    return false;
                }

                readings = [one];
                sources = fastRead ? fastSources : null;
            }
            else
            {
                error = "payload is not a JSON object or array";
                return false;
            }

            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            error = $"malformed reading JSON: {ex.Message}";
            return false;
        }
    }

    private static byte FirstToken(ReadOnlySpan<byte> utf8)
    {
        // Skip a UTF-8 BOM and JSON whitespace.
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        foreach (var b in utf8)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b;
            }
        }

        return 0;
    }
}
