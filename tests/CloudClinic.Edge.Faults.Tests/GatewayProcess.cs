using System.Globalization;
using CloudClinic.Testing;

namespace CloudClinic.Edge.Faults.Tests;

/// <summary>
/// The real gateway host (edge/CloudClinic.Edge) as a separate process inside the test's network namespace, configured
/// only through environment variables (DESIGN.md §9), with one simulated station producing numbered readings.
/// </summary>
internal static class GatewayProcess
{
    public const string ClinicId = "fault-clinic";
    public const string GatewayId = "fault-gw";

    /// <summary>The simulated meter's serial for a station (MeterLinkFactory.SimulatedSerial).</summary>
    public static string SerialOf(string station) => "SIM-" + station.ToUpperInvariant();

    public static ChildProcess Start(NetworkNamespace network, string mqttUrl, string outboxPath, string station, double intervalSeconds, long? count)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["DOTNET_NOLOGO"] = "1",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            // One line per committed reading would push the interesting lines out of the kept output.
            ["Logging__LogLevel__CloudClinic.Edge.Gateway.Acquisition"] = "Warning",
            ["Mqtt__Url"] = mqttUrl,
            ["Mqtt__KeepAliveSeconds"] = "5",
            ["Mqtt__ReconnectMinSeconds"] = "0.2",
            ["Mqtt__ReconnectMaxSeconds"] = "1",
            ["Edge__ClinicId"] = ClinicId,
            ["Edge__GatewayId"] = GatewayId,
            ["Edge__OutboxPath"] = outboxPath,
            ["Edge__StatusMinIntervalSeconds"] = "0.2",
            ["Edge__Stations__0__Name"] = station,
            ["Edge__Stations__0__Link"] = "simulated",
            ["Edge__Stations__0__SimulatedIntervalSeconds"] = intervalSeconds.ToString(CultureInfo.InvariantCulture),
            ["Edge__Stations__0__SimulatedCount"] = count?.ToString(CultureInfo.InvariantCulture),
        };
        var (fileName, arguments) = network.Wrap("dotnet", EdgeHostBinary.Dll);
        return ChildProcess.Start(fileName, arguments, settings, EdgeHostBinary.Directory);
    }
}
