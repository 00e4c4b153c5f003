using System.Text.Json;

namespace CloudClinic.Edge.Gateway.Outbox;

/// <summary>
/// Decides whether a stored payload can go into a batch array as it is: one complete, well-formed JSON object whose
/// top-level "readingId" is the row's key. A row failing this (a torn or bit-flipped page) would make the whole array
/// of up to 500 readings unparsable for the ingest. Only a reader walk, not a deserialisation: parsing every reading
/// into a <c>ReadingMessage</c> was three quarters of the outbox read cost while a backlog replays (bench/gateway).
/// </summary>
internal static class OutboxRowCheck
{
    private static readonly byte[] ReadingIdName = "readingId"u8.ToArray();

    /// <summary>Null when <paramref name="payload"/> is fine, otherwise why not.</summary>
    public static string? Problem(string readingId, ReadOnlySpan<byte> payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "not a JSON object";
            }

            string? storedId = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals(ReadingIdName);
                reader.Read();
                if (isId && reader.TokenType == JsonTokenType.String)
                {
                    storedId = reader.GetString();
                }

                // Skip validates everything inside a nested object or array.
                reader.Skip();
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.BytesConsumed != payload.Length)
            {
                return "not one complete JSON object";
            }

            return storedId == readingId ? null : $"readingId {storedId ?? "missing"} does not match the row's {readingId}";
        }
        catch (JsonException ex)
        {
            return ex.Message;
        }
    }
}
