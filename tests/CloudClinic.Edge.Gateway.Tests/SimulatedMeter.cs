using CloudClinic.Testing;

namespace CloudClinic.Edge.Gateway.Tests;

/// <summary>
/// A serial glucose meter played by CloudClinic.Edge.Simulator (copied next to the tests) on the meter's end of a
/// socat pty pair, with a seeded memory: every run with the same arguments holds the same records.
/// </summary>
internal sealed record SimulatedMeter(string Protocol, string Serial, string Model, bool SendsSerial, bool HasClock, bool WithSeconds)
{
    public const string TimeZone = "Asia/Shanghai";

    /// <summary>Meter local time of the newest stored record (minute meters drop the seconds).</summary>
    public const string Newest = "2025-03-01T08:15:30";

    public static readonly IReadOnlyDictionary<string, SimulatedMeter> All = new Dictionary<string, SimulatedMeter>
    {
        ["onetouch-ultra2"] = new("onetouch-ultra2", "QS051S35Y", "LifeScan OneTouch Ultra 2", SendsSerial: true, HasClock: true, WithSeconds: true),
        ["freestyle-optium"] = new("freestyle-optium", "QTGB123-45678", "Abbott FreeStyle Optium", SendsSerial: true, HasClock: true, WithSeconds: false),
        ["taidoc-td42xx"] = new("taidoc-td42xx", "TD4277-0001", "TaiDoc TD-4277", SendsSerial: false, HasClock: true, WithSeconds: false),
        ["sd-codefree"] = new("sd-codefree", "CF-0042", "SD CodeFree", SendsSerial: false, HasClock: false, WithSeconds: false),
    };

    public DateTimeOffset NewestMeasuredAt =>
        new(2025, 3, 1, 8, 15, WithSeconds ? 30 : 0, TimeSpan.FromHours(8));

    /// <summary>Gateway settings for one station reading this meter on <paramref name="port"/>, polling fast.</summary>
    public Dictionary<string, string?> Station(string port)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Edge:Stations:0:Name"] = "glucose-1",
            ["Edge:Stations:0:Link"] = "serial",
            ["Edge:Stations:0:Port"] = port,
            ["Edge:Stations:0:Protocol"] = Protocol,
            ["Edge:Stations:0:TimeZone"] = TimeZone,
            ["Edge:Stations:0:PollIntervalSeconds"] = "0.3",
            ["Edge:Stations:0:ReplyTimeoutSeconds"] = "1",
        };
        if (!SendsSerial)
        {
            settings["Edge:Stations:0:MeterSerial"] = Serial;
        }

        return settings;
    }

    /// <summary>Starts the simulator and waits until it has its port open.</summary>
    public async Task<ChildProcess> StartAsync(string port, int memory, params string[] extra)
    {
        string[] arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "CloudClinic.Edge.Simulator.dll"),
            "--meter", Protocol, "--port", port, "--serial", Serial, "--memory", memory.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--seed", "7", "--time-zone", TimeZone, "--newest", Newest, .. extra,
        ];
        var process = ChildProcess.Start("dotnet", arguments);
        try
        {
            await process.WaitForOutputAsync("ready", TimeSpan.FromSeconds(20));
            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }
}
