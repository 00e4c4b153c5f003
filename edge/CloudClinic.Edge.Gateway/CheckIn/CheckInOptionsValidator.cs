using CloudClinic.Edge.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway.CheckIn;

/// <summary>Scanners must name a port and a configured station; every message names the key.</summary>
internal sealed class CheckInOptionsValidator(IOptions<EdgeOptions> edge) : IValidateOptions<CheckInOptions>
{
    public ValidateOptionsResult Validate(string? name, CheckInOptions options)
    {
        var stations = edge.Value.Stations.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var failures = new List<string>();
        for (var i = 0; i < options.Scanners.Count; i++)
        {
            var scanner = options.Scanners[i];
            var key = $"{CheckInOptions.SectionName}:Scanners:{i}";
            if (string.IsNullOrWhiteSpace(scanner.Port))
            {
                failures.Add($"{key}:Port must name the scanner's serial device, e.g. /dev/ttyACM0");
            }

            if (!stations.Contains(scanner.Station))
            {
                failures.Add($"{key}:Station '{scanner.Station}' is not one of Edge:Stations ({string.Join(", ", stations)})");
            }

            if (scanner.BaudRate is < 300 or > 921_600)
            {
                failures.Add($"{key}:BaudRate must be between 300 and 921600 (got {scanner.BaudRate})");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
