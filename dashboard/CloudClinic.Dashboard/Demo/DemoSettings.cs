using System.Globalization;

namespace CloudClinic.Dashboard.Demo;

/// <summary>The configuration the demo composes its parts with: the same keys as production (DESIGN.md §9).</summary>
internal static class DemoSettings
{
    public const string ClinicId = "demo-clinic";
    public const string GatewayId = "demo-gw-1";

    /// <summary>The second record of the first station is urgent: an alert shows after about two intervals.</summary>
    private const int UrgentRecord = 2;

    public static IReadOnlyDictionary<string, string?> Create(int mqttPort, string dataDirectory, DemoOptions demo)
    {
        var interval = demo.ReadingIntervalSeconds.ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string?>
        {
            ["Mqtt:Url"] = $"mqtt://127.0.0.1:{mqttPort.ToString(CultureInfo.InvariantCulture)}",
            ["Storage:Readings"] = "sqlite",
            ["Storage:SqlitePath"] = Path.Combine(dataDirectory, "readings.db"),
            ["Storage:Registry"] = $"Data Source={Path.Combine(dataDirectory, "registry.db")}",
            ["Dashboard:DefaultClinicId"] = ClinicId,
            ["Edge:ClinicId"] = ClinicId,
            ["Edge:GatewayId"] = GatewayId,
            ["Edge:OutboxPath"] = Path.Combine(dataDirectory, "outbox.db"),
            // Two in-process meters on the cclp1 line protocol (the simulated link mixes blood pressure and glucose).
            ["Edge:Stations:0:Name"] = "station-1",
            ["Edge:Stations:0:Link"] = "simulated",
            ["Edge:Stations:0:SimulatedIntervalSeconds"] = interval,
            ["Edge:Stations:0:SimulatedSeed"] = DemoSeeds.UrgentBloodPressureAt(UrgentRecord).ToString(CultureInfo.InvariantCulture),
            ["Edge:Stations:1:Name"] = "station-2",
            ["Edge:Stations:1:Link"] = "simulated",
            ["Edge:Stations:1:SimulatedIntervalSeconds"] = interval,
        };
    }
}
