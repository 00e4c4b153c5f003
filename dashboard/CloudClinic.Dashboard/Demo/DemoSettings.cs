using System.Globalization;

namespace CloudClinic.Dashboard.Demo;

/// <summary>The configuration the demo composes its parts with: the same keys as production (DESIGN.md §9).</summary>
internal static class DemoSettings
{
    public const string ClinicId = "demo-clinic";
    public const string GatewayId = "demo-gw-1";

    /// <summary>Every third blood pressure is urgent: the first alert shows after about three intervals (15 s).</summary>
    private const string UrgentBloodPressureEvery = "3";

    /// <summary>Glucose meters are used less often in the demo's story, and their urgent readings are rarer.</summary>
    private const string UrgentGlucoseEvery = "5";

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
            // Two in-process meters on the cclp1 line protocol: a blood pressure meter and a glucose meter.
            ["Edge:Stations:0:Name"] = "bp-1",
            ["Edge:Stations:0:Link"] = "simulated",
            ["Edge:Stations:0:SimulatedKind"] = "bloodPressure",
            ["Edge:Stations:0:SimulatedIntervalSeconds"] = interval,
            ["Edge:Stations:0:SimulatedUrgentEvery"] = UrgentBloodPressureEvery,
            ["Edge:Stations:1:Name"] = "glucose-1",
            ["Edge:Stations:1:Link"] = "simulated",
            ["Edge:Stations:1:SimulatedKind"] = "glucose",
            ["Edge:Stations:1:SimulatedIntervalSeconds"] = interval,
            ["Edge:Stations:1:SimulatedUrgentEvery"] = UrgentGlucoseEvery,
        };
    }
}
