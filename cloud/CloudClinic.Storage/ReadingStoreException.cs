namespace CloudClinic.Storage;

/// <summary>A write or query the store did not carry out; <see cref="Kind"/> says whether to retry, dead-letter or split.</summary>
public sealed class ReadingStoreException : Exception
{
    public ReadingStoreException()
        : this(ReadingStoreFailure.Transient, "reading store failure")
    {
    }

    public ReadingStoreException(string message)
        : this(ReadingStoreFailure.Transient, message)
    {
    }

    public ReadingStoreException(string message, Exception innerException)
        : this(ReadingStoreFailure.Transient, message, innerException)
    {
    }

    public ReadingStoreException(ReadingStoreFailure kind, string message, Exception? innerException = null, TimeSpan? retryAfter = null)
        : base(message, innerException)
    {
        Kind = kind;
        RetryAfter = retryAfter;
    }

    public ReadingStoreFailure Kind { get; }

    /// <summary>The store's own hint (HTTP Retry-After) for <see cref="ReadingStoreFailure.Transient"/> failures.</summary>
    public TimeSpan? RetryAfter { get; }
}
