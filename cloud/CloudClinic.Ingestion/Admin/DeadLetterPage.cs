namespace CloudClinic.Ingestion.Admin;

/// <summary>The newest dead letters (newest first) and how many are kept in all.</summary>
public sealed record DeadLetterPage(long Total, IReadOnlyList<DeadLetterView> Items);
