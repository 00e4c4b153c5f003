namespace CloudClinic.Edge.Devices.SerialMeters.FreeStyleOptium;

/// <summary>A checksummed <c>$xmem</c> dump: the meter's identity, clock and glucose results (ketone results counted, not kept).</summary>
public sealed record FreeStyleOptiumMemory
{
    public required string Serial { get; init; }

    public required string SoftwareVersion { get; init; }

    /// <summary>The meter's clock when it answered: compare with the gateway's to detect drift.</summary>
    public required DateTime MeterClock { get; init; }

    public required IReadOnlyList<FreeStyleOptiumReading> Readings { get; init; }

    /// <summary>β-ketone results (type K) skipped: they are not glucose.</summary>
    public int KetoneResults { get; init; }
}
