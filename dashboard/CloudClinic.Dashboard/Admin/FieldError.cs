namespace CloudClinic.Dashboard.Admin;

/// <summary>A field (import: a column) and a <see cref="FieldErrors"/> code.</summary>
internal sealed record FieldError(string Column, string Code);
