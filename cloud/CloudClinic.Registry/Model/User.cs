namespace CloudClinic.Registry.Model;

/// <summary>A doctor, grid worker or admin. A county admin has no clinic; a grid worker belongs to a grid.</summary>
public sealed class User
{
    public string Id { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary><see cref="UserRoles"/>.</summary>
    public string Role { get; set; } = UserRoles.Doctor;

    public string? ClinicId { get; set; }

    public string? GridId { get; set; }
}
