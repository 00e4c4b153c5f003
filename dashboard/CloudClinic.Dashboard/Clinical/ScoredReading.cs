using CloudClinic.Contracts;

namespace CloudClinic.Dashboard.Clinical;

/// <summary>A wire reading with its wall colour (<see cref="ReadingSeverity"/>), as the HTTP API serves it.</summary>
internal sealed record ScoredReading(ReadingMessage Reading, string Severity);
