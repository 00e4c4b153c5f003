namespace CloudClinic.Edge.Gateway.CheckIn;

/// <summary>A patient as the gateway knows them: the pseudonymous id and a masked name, nothing more.</summary>
internal sealed record RosterEntry(string PatientId, string DisplayName);
