namespace CloudClinic.Dashboard.Api;

/// <summary>A patient in the assignment picker: the pseudonymous id and the masked name only (PIPL, DESIGN.md §1).</summary>
internal sealed record PatientChoice(string Id, string MaskedName);
