namespace CloudClinic.Dashboard.Integration;

/// <summary>Patients ordered by id; <see cref="Next"/> is the <c>after</c> of the next page, absent on the last.</summary>
internal sealed record IntegrationPatientPage(IntegrationPatient[] Patients, string? Next);
