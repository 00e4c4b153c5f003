namespace CloudClinic.Edge.Status;

/// <summary>One rejected frame without its raw bytes: enough for an operator to know what went wrong and where.</summary>
internal sealed record RejectedFrameSummary(DateTimeOffset ReceivedAt, string Station, string Reason);
