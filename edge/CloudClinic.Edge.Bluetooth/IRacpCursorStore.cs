namespace CloudClinic.Edge.Bluetooth;

/// <summary>
/// The last glucose record sequence committed per meter, so the next sync asks for "sequence ≥ last + 1"
/// (GLS 1.0 RACP). Must be durable: a restart resumes where the last commit left off.
/// </summary>
public interface IRacpCursorStore
{
    /// <summary>Null when nothing was ever stored for <paramref name="meterAddress"/> (first sync: all records).</summary>
    ValueTask<ushort?> GetLastSequenceAsync(string meterAddress, CancellationToken cancellationToken);

    ValueTask SetLastSequenceAsync(string meterAddress, ushort sequence, CancellationToken cancellationToken);
}
