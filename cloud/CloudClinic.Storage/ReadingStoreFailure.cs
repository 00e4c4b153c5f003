namespace CloudClinic.Storage;

/// <summary>What a failed write means for the caller (DESIGN.md §4, "Ack only after InfluxDB answered 204").</summary>
public enum ReadingStoreFailure
{
    /// <summary>Store unreachable, overloaded or timing out: retry later, do not acknowledge.</summary>
    Transient,

    /// <summary>The store refused the data itself (InfluxDB 400/422): dead-letter it with the reason, then acknowledge.</summary>
    Rejected,

    /// <summary>The request was too large (InfluxDB 413): split the batch and write the halves.</summary>
    TooLarge,
}
