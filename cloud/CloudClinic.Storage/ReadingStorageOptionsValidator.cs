using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CloudClinic.Storage;

/// <summary>Start-up checks of the <c>Storage</c> section that attributes cannot express; messages name the key.</summary>
internal sealed class ReadingStorageOptionsValidator : IValidateOptions<ReadingStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, ReadingStorageOptions options)
    {
        var failures = new List<string>();
        if (!string.Equals(options.Readings, ReadingStorageOptions.Influx, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(options.Readings, ReadingStorageOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"Storage:Readings must be 'influx' or 'sqlite' (got '{options.Readings}')");
        }

        if (!string.IsNullOrEmpty(options.Registry))
        {
            try
            {
                if (string.IsNullOrWhiteSpace(new SqliteConnectionStringBuilder(options.Registry).DataSource))
                {
                    failures.Add("Storage:Registry has no Data Source (e.g. 'Data Source=cloudclinic-registry.db')");
                }
            }
            catch (ArgumentException ex)
            {
                failures.Add(
                    "Storage:Registry must be a SQLite connection string such as 'Data Source=cloudclinic-registry.db': " +
                    $"dead letters are kept in the registry database, and this build stores them in SQLite only ({ex.Message})");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
