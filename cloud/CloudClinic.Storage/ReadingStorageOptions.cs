using System.ComponentModel.DataAnnotations;

namespace CloudClinic.Storage;

/// <summary>The <c>Storage</c> section (DESIGN.md §9): which reading store, and where the SQLite files live.</summary>
public sealed class ReadingStorageOptions
{
    public const string SectionName = "Storage";

    public const string Influx = "influx";
    public const string Sqlite = "sqlite";

    /// <summary><c>influx</c> (production) or <c>sqlite</c> (the embedded default).</summary>
    [Required(ErrorMessage = "Storage:Readings must be 'influx' or 'sqlite'")]
    public string Readings { get; set; } = Sqlite;

    /// <summary>File of the SQLite reading store.</summary>
    [Required(ErrorMessage = "Storage:SqlitePath must name the SQLite reading store file")]
    public string SqlitePath { get; set; } = "cloudclinic-readings.db";

    /// <summary>Registry connection string; dead letters are kept there (SQLite only in this build).</summary>
    [Required(ErrorMessage = "Storage:Registry must be a connection string such as 'Data Source=cloudclinic-registry.db'")]
    public string Registry { get; set; } = "Data Source=cloudclinic-registry.db";

    public bool UsesInflux => string.Equals(Readings, Influx, StringComparison.OrdinalIgnoreCase);
}
