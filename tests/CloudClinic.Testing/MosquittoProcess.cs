using System.Globalization;
using System.Net.Sockets;

namespace CloudClinic.Testing;

/// <summary>
/// A real mosquitto 2.x (Debian's <c>/usr/sbin/mosquitto</c>) on a free loopback port with its own config and
/// persistence in a temp dir. The config avoids mosquitto's data-losing defaults (PLATFORM-NOTES.md): unlimited
/// queue, persistence on, frequent autosave, TCP_NODELAY. Restartable on the same data; ends its process by PID.
/// </summary>
public sealed class MosquittoProcess : IAsyncDisposable
{
    public const string DefaultBinary = "/usr/sbin/mosquitto";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly string _binary;
    private readonly string _configPath;
    private ChildProcess? _process;

    private MosquittoProcess(string binary, string directory, int port)
    {
        _binary = binary;
        Directory = directory;
        Port = port;
        _configPath = Path.Combine(directory, "mosquitto.conf");
    }

    public string Host => "127.0.0.1";

    /// <summary>Stable across restarts.</summary>
    public int Port { get; }

    /// <summary><c>mqtt://127.0.0.1:PORT</c>, the form of the <c>Mqtt:Url</c> setting.</summary>
    public string Url => $"mqtt://{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Temp dir with the config and <c>mosquitto.db</c>; deleted on dispose.</summary>
    public string Directory { get; }

    public int Pid => _process?.Pid ?? throw new InvalidOperationException("mosquitto is not running");

    public bool IsRunning => _process is { HasExited: false };

    public string Output => _process?.Output ?? string.Empty;

    /// <summary>
    /// Starts mosquitto on a free port. <paramref name="extraConfig"/> is appended to the config (e.g.
    /// <c>password_file</c>/<c>acl_file</c> lines; set <c>allowAnonymous</c> false with those).
    /// <paramref name="saveOnEveryChange"/> saves after every change instead of every second, at a cost in speed. Even
    /// then a kill -9 can lose a message mosquitto already acknowledged: it sends PUBACK before it saves (measured).
    /// </summary>
    public static async Task<MosquittoProcess> StartAsync(
        string? extraConfig = null,
        bool allowAnonymous = true,
        bool saveOnEveryChange = false,
        string binary = DefaultBinary)
    {
        // A free port can be taken by someone else before mosquitto binds it: then try again on a new port.
        for (var attempt = 1; ; attempt++)
        {
            var directory = System.IO.Directory.CreateTempSubdirectory("cloudclinic-mosquitto-").FullName;
            var mosquitto = new MosquittoProcess(binary, directory, FreeTcpPort.Next());
            try
            {
                mosquitto.WriteConfig(extraConfig, allowAnonymous, saveOnEveryChange);
                await mosquitto.StartAsync();
                return mosquitto;
            }
            catch (InvalidOperationException) when (attempt < 3 && mosquitto.Output.Contains("Address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await mosquitto.DisposeAsync();
            }
            catch
            {
                await mosquitto.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>(Re)starts mosquitto on the same port and persistence file; returns once the port accepts.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("mosquitto is already running");
        }

        _process = ChildProcess.Start(_binary, ["-c", _configPath], workingDirectory: Directory);
        await _process.WaitForOutputAsync("running", StartTimeout);
        await WaitForPortAsync(_process);
    }

    /// <summary>SIGTERM by PID (mosquitto saves its database on the way out), SIGKILL after a grace period.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>SIGKILL by PID: what was not yet autosaved is lost, as in a power cut.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            await _process.KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp dir is harmless; never fail a test run over it.
        }
    }

    private void WriteConfig(string? extraConfig, bool allowAnonymous, bool saveOnEveryChange)
    {
        // mosquitto.conf(5), 2.0.11. "user root" keeps it from dropping to user mosquitto, which could not write
        // the temp dir. autosave_on_changes makes autosave_interval a count of changes instead of seconds.
        var config = $"""
            listener {Port.ToString(CultureInfo.InvariantCulture)} {Host}
            allow_anonymous {(allowAnonymous ? "true" : "false")}
            user root
            persistence true
            persistence_location {Directory}/
            autosave_interval 1
            autosave_on_changes {(saveOnEveryChange ? "true" : "false")}
            max_queued_messages 0
            max_queued_bytes 0
            max_inflight_messages 0
            set_tcp_nodelay true
            log_dest stderr
            log_type error
            log_type warning
            log_type notice
            log_type information

            {extraConfig}
            """;
        File.WriteAllText(_configPath, config);
    }

    private async Task WaitForPortAsync(ChildProcess process)
    {
        using var cts = new CancellationTokenSource(StartTimeout);
        while (!process.HasExited && !cts.IsCancellationRequested)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(Host, Port, cts.Token);
                return;
            }
            catch (SocketException)
            {
                // Not listening yet: try again shortly.
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }

        throw new InvalidOperationException($"mosquitto did not accept connections on {Url}:\n{process.Output}");
    }
}
