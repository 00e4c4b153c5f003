namespace CloudClinic.Dashboard.Admin;

/// <summary>A user as the admin page lists it (never the password hash); also the body of <c>POST /api/admin/users</c>.</summary>
internal sealed record AdminUser(string? Id, string? DisplayName, string? Role, string? ClinicId, string? GridId, bool LockedOut = false);
