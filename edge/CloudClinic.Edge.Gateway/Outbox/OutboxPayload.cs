namespace CloudClinic.Edge.Gateway.Outbox;

/// <summary>
/// The wire payload for a batch of outbox entries (DESIGN.md §3): the one reading object as stored, or a JSON array of
/// the stored objects joined by commas — the bytes <c>ReadingPayload.Serialize</c> would produce, without parsing and
/// re-serialising up to 500 readings per publish during a backlog replay.
/// </summary>
internal static class OutboxPayload
{
    public static byte[] For(IReadOnlyList<OutboxEntry> batch)
    {
        ArgumentOutOfRangeException.ThrowIfZero(batch.Count);
        if (batch.Count == 1)
        {
            return batch[0].Payload;
        }

        var length = 2 + (batch.Count - 1) + batch.Sum(e => e.Payload.Length);
        var payload = new byte[length];
        payload[0] = (byte)'[';
        var at = 1;
        for (var i = 0; i < batch.Count; i++)
        {
            if (i > 0)
            {
                payload[at++] = (byte)',';
            }

            batch[i].Payload.CopyTo(payload, at);
            at += batch[i].Payload.Length;
        }

        payload[at] = (byte)']';
        return payload;
    }
}
