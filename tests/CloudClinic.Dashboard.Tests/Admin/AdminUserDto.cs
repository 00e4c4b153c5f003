namespace CloudClinic.Dashboard.Tests.Admin;

/// <summary>A listed user.</summary>
public sealed record AdminUserDto(string Id, string DisplayName, string Role, string? ClinicId, string? GridId, bool LockedOut);
