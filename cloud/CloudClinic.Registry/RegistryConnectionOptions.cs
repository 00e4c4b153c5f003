using System.ComponentModel.DataAnnotations;

namespace CloudClinic.Registry;

/// <summary><c>Storage:Registry</c> (DESIGN.md §9): SQLite <c>Data Source=…</c> or PostgreSQL <c>Host=…</c>.</summary>
public sealed class RegistryConnectionOptions
{
    public const string SectionName = "Storage";

    [Required(ErrorMessage = "Storage:Registry must be a connection string such as 'Data Source=cloudclinic-registry.db' or 'Host=…;Database=…'")]
    public string Registry { get; set; } = "Data Source=cloudclinic-registry.db";
}
