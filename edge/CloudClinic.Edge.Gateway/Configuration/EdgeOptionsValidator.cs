using System.Text.RegularExpressions;
using CloudClinic.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway.Configuration;

/// <summary>Checks what data annotations cannot: each station, with messages naming the exact configuration key.</summary>
internal sealed partial class EdgeOptionsValidator(IConfiguration configuration) : IValidateOptions<EdgeOptions>
{
    private static readonly HashSet<string> StationSettings =
        new(typeof(StationOptions).GetProperties().Select(p => p.Name), StringComparer.OrdinalIgnoreCase);

    public ValidateOptionsResult Validate(string? name, EdgeOptions options)
    {
        var failures = new List<string>();
        if (!StationsHaveOnlyKnownKeys(failures))
        {
            return ValidateOptionsResult.Fail(failures);
        }

        if (options.OutboxBudgetBytes < EdgeOptions.MinOutboxBudgetBytes)
        {
            failures.Add($"{EdgeOptions.SectionName}:{nameof(EdgeOptions.OutboxBudgetBytes)} {options.OutboxBudgetBytes} must be at least {EdgeOptions.MinOutboxBudgetBytes} (64 KiB)");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Stations.Count; i++)
        {
            var station = options.Stations[i];
            var key = $"{EdgeOptions.SectionName}:Stations:{i}";
            if (station.Name is null || !IdRegex().IsMatch(station.Name))
            {
                failures.Add($"{key}:Name '{station.Name}' must be 1-64 characters of a-z, 0-9 and '-'");
            }
            else if (!names.Add(station.Name))
            {
                failures.Add($"{key}:Name '{station.Name}' is used by another station");
            }

            if (station.Link != StationOptions.BleLink)
            {
                ValidateProtocol(station, key, failures);
            }

            switch (station.Link)
            {
                case StationOptions.BleLink:
                    BleStationValidator.Validate(station, key, failures);
                    break;
                case StationOptions.SerialLink:
                    ValidateSerial(station, key, failures);
                    break;
                case StationOptions.SimulatedLink:
                    if (station.SimulatedIntervalSeconds is < 0.001 or > 86400 || double.IsNaN(station.SimulatedIntervalSeconds))
                    {
                        failures.Add($"{key}:SimulatedIntervalSeconds must be 0.001-86400");
                    }

                    if (station.SimulatedCount is < 0)
                    {
                        failures.Add($"{key}:SimulatedCount must not be negative");
                    }

                    if (station.SimulatedKind is not (null or ReadingKinds.BloodPressure or ReadingKinds.Glucose))
                    {
                        failures.Add($"{key}:SimulatedKind '{station.SimulatedKind}' must be '{ReadingKinds.BloodPressure}' or '{ReadingKinds.Glucose}'");
                    }

                    if (station.SimulatedUrgentEvery is < 1)
                    {
                        failures.Add($"{key}:SimulatedUrgentEvery must be 1 or more");
                    }

                    break;
                default:
                    failures.Add($"{key}:Link '{station.Link}' must be '{StationOptions.SerialLink}', '{StationOptions.BleLink}' or '{StationOptions.SimulatedLink}'");
                    break;
            }
        }

        BleStationValidator.ValidateDistinctMeters(options.Stations, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>
    /// A misspelt key (<c>Baudrate</c>) is silently ignored by the binder: the meter would run with the default without a
    /// word. (A value that does not convert, Parity "Sometimes", fails in the source-generated binder itself, naming the
    /// key; the reflection binder used to drop such a list element silently.)
    /// </summary>
    private bool StationsHaveOnlyKnownKeys(List<string> failures)
    {
        foreach (var station in configuration.GetSection($"{EdgeOptions.SectionName}:Stations").GetChildren())
        {
            foreach (var setting in station.GetChildren().Where(s => !StationSettings.Contains(s.Key)))
            {
                failures.Add($"{setting.Path} is not a station setting (known: {string.Join(", ", StationSettings.Order(StringComparer.Ordinal))})");
            }
        }

        return failures.Count == 0;
    }

    private static void ValidateSerial(StationOptions station, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(station.Port))
        {
            failures.Add($"{key}:Port is required for a serial station (e.g. /dev/ttyUSB0)");
        }

        if (station.BaudRate is { } baud && baud is < 50 or > 4_000_000)
        {
            failures.Add($"{key}:BaudRate {station.BaudRate} is not a serial speed (50-4000000)");
        }

        if (station.DataBits is < 5 or > 8)
        {
            failures.Add($"{key}:DataBits must be 5-8");
        }

        if (!Enum.IsDefined(station.Parity))
        {
            failures.Add($"{key}:Parity must be None, Odd, Even, Mark or Space");
        }

        if (station.StopBits is System.IO.Ports.StopBits.None || !Enum.IsDefined(station.StopBits))
        {
            failures.Add($"{key}:StopBits must be One, OnePointFive or Two");
        }
    }

    private static void ValidateProtocol(StationOptions station, string key, List<string> failures)
    {
        var protocol = StationProtocol.Find(station.Protocol);
        if (protocol is null)
        {
            failures.Add($"{key}:Protocol '{station.Protocol}' is not supported (supported: {StationProtocol.Names})");
            return;
        }

        if (station.Link == StationOptions.SimulatedLink && protocol.Name != Devices.LineProtocol.LineProtocolParser.ProtocolName)
        {
            failures.Add($"{key}:Protocol '{station.Protocol}': a simulated station speaks cclp1 (simulate serial meters with CloudClinic.Edge.Simulator on a pty)");
        }

        if (!protocol.MeterSendsSerial && string.IsNullOrWhiteSpace(station.MeterSerial))
        {
            failures.Add($"{key}:MeterSerial is required for protocol {protocol.Name}: the meter does not send its serial number (copy it from the meter's label)");
        }
        else if (station.MeterSerial is { Length: > 64 })
        {
            failures.Add($"{key}:MeterSerial must be at most 64 characters");
        }

        if (station.TimeZone is { } zone && !TryFindZone(zone))
        {
            failures.Add($"{key}:TimeZone '{zone}' is not a time zone this system knows (use an IANA id such as Asia/Shanghai)");
        }

        if (station.PollIntervalSeconds is < 0.05 or > 86400 || double.IsNaN(station.PollIntervalSeconds))
        {
            failures.Add($"{key}:PollIntervalSeconds must be 0.05-86400");
        }

        if (station.ReplyTimeoutSeconds is < 0.05 or > 600 || double.IsNaN(station.ReplyTimeoutSeconds))
        {
            failures.Add($"{key}:ReplyTimeoutSeconds must be 0.05-600");
        }
    }

    private static bool TryFindZone(string id)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    [GeneratedRegex(EdgeOptions.IdPattern)]
    private static partial Regex IdRegex();
}
