namespace CloudClinic.Edge.Bluetooth;

/// <summary>How one GATT session (connect … disconnect) ended; for status and logs.</summary>
public sealed record BleSessionResult
{
    public required string Address { get; init; }

    /// <summary>False when the session failed (connect error, disconnect mid-transfer, RACP error, timeout).</summary>
    public required bool Completed { get; init; }

    public int Records { get; init; }

    public int Rejected { get; init; }

    /// <summary>Intermediate Cuff Pressure (0x2A36) values seen and dropped.</summary>
    public int CuffPressureIgnored { get; init; }

    /// <summary>Why the session failed, or how the meter ended it (e.g. "RACP: no records found").</summary>
    public string? Detail { get; init; }

    public required DateTimeOffset EndedAt { get; init; }
}
