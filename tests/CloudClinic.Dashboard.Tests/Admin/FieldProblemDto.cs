namespace CloudClinic.Dashboard.Tests.Admin;

/// <summary>One problem of an admin response as a client reads it.</summary>
public sealed record FieldProblemDto(int Row, string Column, string Code, string Reason);
