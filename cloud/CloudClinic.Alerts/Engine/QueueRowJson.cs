namespace CloudClinic.Alerts.Engine;

/// <summary>
/// An evaluation-queue row's readings (a JSON array) from the readings' JSON objects as received: copied, not produced
/// again by the serializer. Serializing them was half of the queue insert and a tenth of the ingest's CPU at 100
/// readings/message (perf, bench/README.md). The row reads back as before: the objects are the ones the ingest parsed
/// these readings from. The row stays UTF-8 bytes: made a .NET string (UTF-16, 130 KB for a 200-reading row, on the
/// large-object heap) only for SQLite to encode it back to UTF-8, it kept the queue insert at 8.2% of the ingest's perf
/// samples at 100 readings/message, mostly page faults and transcoding; 3.3% as bytes.
/// </summary>
internal static class QueueRowJson
{
    /// <summary>The row's JSON in UTF-8, or null when a reading's JSON is not known (the caller serializes the readings).</summary>
    public static byte[]? From(IReadOnlyList<ReceivedReading> chunk)
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

        // Exactly the row's length: SQLite binds the whole array.
        var row = GC.AllocateUninitializedArray<byte>(length);
        var written = 0;
        row[written++] = (byte)'[';
        for (var i = 0; i < chunk.Count; i++)
        {
            if (i > 0)
            {
                row[written++] = (byte)',';
            }

            chunk[i].Json.Span.CopyTo(row.AsSpan(written));
            written += chunk[i].Json.Length;
        }

        row[written] = (byte)']';
        return row;
    }
}
