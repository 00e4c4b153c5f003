namespace CloudClinic.Dashboard.Admin;

/// <summary>A clinic as the admin page lists it; also the body of <c>POST /api/admin/clinics</c>.</summary>
internal sealed record AdminClinic(string? Id, string? Name, string? TimeZoneId);
