namespace CloudClinic.Edge.Gateway.CheckIn;

/// <summary>A roster patient as the kiosk lists them: pseudonymous id and masked name.</summary>
internal sealed record KioskPatient(string PatientId, string DisplayName);

/// <summary>An open session as the kiosk shows it.</summary>
internal sealed record KioskSession(string Station, string PatientId, string? DisplayName, string Source, DateTimeOffset OpenedAt, DateTimeOffset ExpiresAt);

/// <summary>The kiosk's view: stations to pick, open sessions, roster size and unknown-card scans since start.</summary>
internal sealed record KioskState(IReadOnlyList<string> Stations, IReadOnlyList<KioskSession> Sessions, int RosterSize, long UnknownCards);

/// <summary>POST /check-in: a patient picked on the kiosk at a station.</summary>
internal sealed record KioskCheckInRequest(string Station, string PatientId);

/// <summary>POST /check-out.</summary>
internal sealed record KioskCheckOutRequest(string Station);

/// <summary>What a check-in did: the session, or the refusal to show the nurse.</summary>
internal sealed record KioskCheckInResult(KioskSession? Session, string? Refusal);
