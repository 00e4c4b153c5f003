namespace CloudClinic.Dashboard.Tests.Infrastructure;

/// <summary>The second argument of one ReadingReceived call: the wall colour the server gave the reading.</summary>
public sealed record ReadingSeverityPush(string ReadingId, string Severity);
