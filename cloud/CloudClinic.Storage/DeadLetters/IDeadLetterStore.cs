namespace CloudClinic.Storage.DeadLetters;

/// <summary>Refused messages, kept for an admin to see (never dropped silently, DESIGN.md §3).</summary>
public interface IDeadLetterStore
{
    Task EnsureCreatedAsync(CancellationToken ct);

    /// <summary>Returns once the dead letter is durable.</summary>
    Task AddAsync(DeadLetter deadLetter, CancellationToken ct);

    /// <summary>The newest first.</summary>
    Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken ct);

    Task<long> CountAsync(CancellationToken ct);
}
