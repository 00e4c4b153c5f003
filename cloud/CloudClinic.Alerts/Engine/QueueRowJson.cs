using System.Buffers;
using System.Text;

namespace CloudClinic.Alerts.Engine;

/// <summary>
/// An evaluation-queue row's readings (a JSON array) from the readings' JSON objects as received: copied, not produced
/// again by the serializer. Serializing them was half of the queue insert and a tenth of the ingest's CPU at 100
/// readings/message (perf, bench/README.md). The row reads back as before: the objects are the ones the ingest parsed
/// these readings from.
/// </summary>
internal static class QueueRowJson
{
    /// <summary>The row's JSON, or null when a reading's JSON is not known (the caller serializes the readings).</summary>
    public static string? From(IReadOnlyList<ReceivedReading> chunk)
    {
        // '[' and ']', a ',' between objects, and the objects.
        var length = 1 + chunk.Count;
        foreach (var received in chunk)
        {
            if (received.Json.IsEmpty)
            {
                return null;
            }

            length += received.Json.Length;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = 0;
            buffer[written++] = (byte)'[';
            for (var i = 0; i < chunk.Count; i++)
            {
                if (i > 0)
                {
                    buffer[written++] = (byte)',';
                }

                chunk[i].Json.Span.CopyTo(buffer.AsSpan(written));
                written += chunk[i].Json.Length;
            }

            buffer[written++] = (byte)']';
            return Encoding.UTF8.GetString(buffer, 0, written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
