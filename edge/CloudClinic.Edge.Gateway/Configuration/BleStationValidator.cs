using System.Text.RegularExpressions;
using CloudClinic.Contracts;
using CloudClinic.Edge.Devices.BloodPressure;

namespace CloudClinic.Edge.Gateway.Configuration;

/// <summary>The keys of a <c>Link = "ble"</c> station, checked at start-up with messages naming the key.</summary>
internal static partial class BleStationValidator
{
    public static void Validate(StationOptions station, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(station.BleAddress))
        {
            failures.Add($"{key}:BleAddress is required for a ble station (the meter's address, e.g. C0:26:DA:00:00:01; bluetoothctl 'scan le' shows it)");
        }
        else if (!AddressRegex().IsMatch(station.BleAddress))
        {
            failures.Add($"{key}:BleAddress '{station.BleAddress}' must look like AA:BB:CC:DD:EE:FF");
        }

        if (station.BleAdapter is null || !AdapterRegex().IsMatch(station.BleAdapter))
        {
            failures.Add($"{key}:BleAdapter '{station.BleAdapter}' must be a BlueZ adapter name such as hci0");
        }

        if (station.BleKind is not (ReadingKinds.BloodPressure or ReadingKinds.Glucose))
        {
            failures.Add($"{key}:BleKind '{station.BleKind}' must be '{ReadingKinds.BloodPressure}' or '{ReadingKinds.Glucose}'");
        }

        if (station.BleProfile is null || !BloodPressureProfiles.TryGet(station.BleProfile, out _))
        {
            failures.Add($"{key}:BleProfile '{station.BleProfile}' is unknown (known: {string.Join(", ", BloodPressureProfiles.All.Select(p => p.Name))})");
        }

        // The BLE driver allows 10 ms - 1 day between sessions (BleMeterOptions.PollInterval).
        if (station.PollIntervalSeconds is < 0.01 or > 86400 || double.IsNaN(station.PollIntervalSeconds))
        {
            failures.Add($"{key}:PollIntervalSeconds must be 0.01-86400");
        }
    }

    /// <summary>Two stations on one meter would read every record twice and fight over its single GATT connection.</summary>
    public static void ValidateDistinctMeters(IReadOnlyList<StationOptions> stations, List<string> failures)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < stations.Count; i++)
        {
            if (stations[i].Link == StationOptions.BleLink && stations[i].BleAddress is { } address && !seen.Add(address))
            {
                failures.Add($"{EdgeOptions.SectionName}:Stations:{i}:BleAddress '{address}' is used by another station");
            }
        }
    }

    [GeneratedRegex("^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$")]
    private static partial Regex AddressRegex();

    [GeneratedRegex("^hci[0-9]{1,2}$")]
    private static partial Regex AdapterRegex();
}
