using CloudClinic.Edge.Devices;
using CloudClinic.Edge.Devices.Serial;
using CloudClinic.Edge.Devices.Simulation;
using CloudClinic.Edge.Gateway.Configuration;

namespace CloudClinic.Edge.Gateway.Acquisition;

/// <summary>Builds a station's link from its (validated) configuration.</summary>
internal sealed class MeterLinkFactory(TimeProvider timeProvider)
{
    public const string SerialModel = "cclp1-meter";
    public const string SimulatedModel = "cclp1-simulated";

    public IMeterLink Create(StationOptions station) => station.Link switch
    {
        StationOptions.SerialLink => new SerialLink(
            new SerialLinkOptions
            {
                PortPath = station.Port!,
                BaudRate = station.BaudRate ?? (StationProtocol.Find(station.Protocol)?.BaudRate ?? 9600),
                Parity = station.Parity,
                DataBits = station.DataBits,
                StopBits = station.StopBits,
                Dtr = station.Dtr,
                Rts = station.Rts,
            },
            timeProvider),
        StationOptions.SimulatedLink => new SimulatedMeterLink(
            new SimulatedMeterOptions
            {
                MeterSerial = SimulatedSerial(station.Name),
                Interval = TimeSpan.FromSeconds(station.SimulatedIntervalSeconds),
                Seed = station.SimulatedSeed ?? StableSeed(station.Name),
                Count = station.SimulatedCount,
                Kind = station.SimulatedKind,
                UrgentEvery = station.SimulatedUrgentEvery,
            },
            timeProvider),
        _ => throw new InvalidOperationException($"station '{station.Name}' has link '{station.Link}', which validation should have refused"),
    };

    public static string ModelOf(StationOptions station) =>
        station.Model ?? (station.Link == StationOptions.SimulatedLink ? SimulatedModel : StationProtocol.Find(station.Protocol)?.DefaultModel ?? SerialModel);

    /// <summary>CCLP/1 serials are at most 32 characters.</summary>
    public static string SimulatedSerial(string stationName)
    {
        var serial = "SIM-" + stationName.ToUpperInvariant();
        return serial.Length <= 32 ? serial : serial[..32];
    }

    /// <summary>FNV-1a of the name: string.GetHashCode is randomised per process and would not replay.</summary>
    private static int StableSeed(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & int.MaxValue);
    }
}
