namespace CloudClinic.Dashboard.Tests.Admin;

/// <summary>A new password as the admin API returns it.</summary>
public sealed record IssuedPasswordDto(string UserId, string Password);
