using CloudClinic.Registry.Model;

namespace CloudClinic.Dashboard.Admin;

/// <summary>A valid import row: its fields and the patient it updates (tracked), or null for a new patient.</summary>
internal sealed record RosterImportRow(int Row, PatientFields Fields, Patient? Existing);
