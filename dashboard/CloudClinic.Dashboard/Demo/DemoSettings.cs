using System.Globalization;

namespace CloudClinic.Dashboard.Demo;

/// <summary>The configuration the demo composes its parts with: the same keys as production (DESIGN.md §9).</summary>
internal static class DemoSettings
{
    public const string ClinicId = "demo-clinic";
    public const string GatewayId = "demo-gw-1";

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
        };
    }
}
