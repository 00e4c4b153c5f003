using System.Text.Json;
using CloudClinic.Testing;
using Tmds.DBus.Protocol;

namespace CloudClinic.Testing.Ble;

/// <summary>
/// A private dbus-daemon (own config, socket in a temp dir) with the BLE meter simulator (simulator/ble_meters.py, a
/// python-dbusmock BlueZ template) on it. Nothing touches the machine's system bus. Both processes end by PID. A test
/// project using it copies edge/CloudClinic.Edge.Bluetooth/simulator/ble_meters.py to simulator/ in its output.
/// </summary>
public sealed class BleSimulator : IAsyncDisposable
{
    public const string DbusDaemon = "/usr/bin/dbus-daemon";

    /// <summary>The system python: the one with python3-dbus and python3-dbusmock (PATH's python may lack them).</summary>
    public const string Python = "/usr/bin/python3";

    public const string BpAddress = "C0:26:DA:00:00:01";
    public const string GlucoseAddress = "C0:26:DA:00:00:02";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly string _directory;
    private readonly ChildProcess _daemon;
    private readonly ChildProcess _simulator;
    private readonly DBusConnection _control;

    private BleSimulator(string directory, ChildProcess daemon, ChildProcess simulator, DBusConnection control, string busAddress)
    {
        (_directory, _daemon, _simulator, _control) = (directory, daemon, simulator, control);
        BusAddress = busAddress;
    }

    public string BusAddress { get; }

    public string SimulatorLog => Path.Combine(_directory, "simulator.log");

    /// <param name="parameters">Template parameters (see ble_meters.py), e.g. <c>new { glucoseBacklog = 500 }</c>.</param>
    public static async Task<BleSimulator> StartAsync(object? parameters = null)
    {
        var directory = Directory.CreateTempSubdirectory("cloudclinic-ble-").FullName;
        var socket = Path.Combine(directory, "bus");
        var config = Path.Combine(directory, "bus.conf");
        await File.WriteAllTextAsync(config, $"""
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>session</type>
              <listen>unix:path={socket}</listen>
              <auth>EXTERNAL</auth>
              <policy context="default">
                <allow send_destination="*" eavesdrop="true"/>
                <allow eavesdrop="true"/>
                <allow own="*"/>
              </policy>
            </busconfig>
            """);
        var daemon = ChildProcess.Start(DbusDaemon, ["--config-file=" + config, "--nofork", "--print-address=1"]);
        ChildProcess? simulator = null;
        try
        {
            await daemon.WaitForOutputAsync("unix:path=", StartTimeout);
            var busAddress = "unix:path=" + socket;
            var script = Path.Combine(AppContext.BaseDirectory, "simulator", "ble_meters.py");
            simulator = ChildProcess.Start(
                Python,
                ["-m", "dbusmock", "--system", "--template", script, "-l", Path.Combine(directory, "simulator.log"), "-p", JsonSerializer.Serialize(parameters ?? new { })],
                new Dictionary<string, string?> { ["DBUS_SYSTEM_BUS_ADDRESS"] = busAddress, ["PYTHONUNBUFFERED"] = "1" });
            await simulator.WaitForOutputAsync("ble-sim ready", StartTimeout);
            var control = new DBusConnection(busAddress);
            await control.ConnectAsync();
            return new BleSimulator(directory, daemon, simulator, control, busAddress);
        }
        catch
        {
            if (simulator is not null)
            {
                await simulator.DisposeAsync();
            }

            await daemon.DisposeAsync();
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>A value the BP meter sends (0x2A35 indication or 0x2A36 notification) once indications are on.</summary>
    public Task QueueBloodPressureAsync(ushort uuid, byte[] value) => CallAsync("QueueBloodPressure", "qay", (ref MessageWriter w) =>
    {
        w.WriteUInt16(uuid);
        w.WriteArray(value);
    });

    public Task SetGlucoseBacklogAsync(uint count) => CallAsync("SetGlucoseBacklog", "u", (ref MessageWriter w) => w.WriteUInt32(count));

    public Task AppendGlucoseRecordsAsync(uint count) => CallAsync("AppendGlucoseRecords", "u", (ref MessageWriter w) => w.WriteUInt32(count));

    /// <summary><c>disconnect-after</c>, <c>garble-sequence</c>, <c>racp-code</c> or <c>none</c> (ble_meters.py).</summary>
    public Task SetFaultAsync(string fault, uint value) => CallAsync("SetFault", "su", (ref MessageWriter w) =>
    {
        w.WriteString(fault);
        w.WriteUInt32(value);
    });

    /// <summary><paramref name="meter"/> is <c>bp</c> or <c>glucose</c>.</summary>
    public Task SetClockOffsetAsync(string meter, int seconds) => CallAsync("SetClockOffset", "si", (ref MessageWriter w) =>
    {
        w.WriteString(meter);
        w.WriteInt32(seconds);
    });

    /// <summary>The meter walks out of range: the link drops (<c>bp</c> or <c>glucose</c>).</summary>
    public Task DisconnectMeterAsync(string meter) => CallAsync("DisconnectMeter", "s", (ref MessageWriter w) => w.WriteString(meter));

    /// <summary>Hex of every value the gateway wrote to the characteristic (<c>2a52</c>, <c>2a2b</c>).</summary>
    public Task<string[]> GetWritesAsync(string uuid16)
    {
        return _control.CallMethodAsync(Create(), static (m, _) => m.GetBodyReader().ReadArrayOfString());

        MessageBuffer Create()
        {
            using var writer = _control.GetMessageWriter();
            writer.WriteMethodCallHeader(destination: "org.bluez", path: "/", @interface: "org.cloudclinic.BleSim", member: "GetWrites", signature: "s");
            writer.WriteString(uuid16);
            return writer.CreateMessage();
        }
    }

    public Task<Dictionary<string, VariantValue>> GetStatsAsync()
    {
        return _control.CallMethodAsync(Create(), static (m, _) => m.GetBodyReader().ReadDictionaryOfStringToVariantValue());

        MessageBuffer Create()
        {
            using var writer = _control.GetMessageWriter();
            writer.WriteMethodCallHeader(destination: "org.bluez", path: "/", @interface: "org.cloudclinic.BleSim", member: "GetStats");
            return writer.CreateMessage();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        await _simulator.DisposeAsync();
        await _daemon.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private delegate void BodyWriter(ref MessageWriter writer);

    private Task CallAsync(string member, string signature, BodyWriter body)
    {
        return _control.CallMethodAsync(Create());

        MessageBuffer Create()
        {
            var writer = _control.GetMessageWriter();
            try
            {
                writer.WriteMethodCallHeader(destination: "org.bluez", path: "/", @interface: "org.cloudclinic.BleSim", member: member, signature: signature);
                body(ref writer);
                return writer.CreateMessage();
            }
            finally
            {
                writer.Dispose();
            }
        }
    }
}
