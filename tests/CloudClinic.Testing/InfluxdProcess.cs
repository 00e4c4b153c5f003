using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace CloudClinic.Testing;

/// <summary>
/// A real InfluxDB 1.x (Debian's <c>/usr/bin/influxd</c>) on free loopback ports with its own config and data in a
/// temp dir. Can be stopped and started again on the same data (restart tests), killed (crash tests) or frozen
/// with SIGSTOP (a database that accepts connections but never answers). Ends its process by PID only.
/// </summary>
public sealed class InfluxdProcess : IAsyncDisposable
{
    public const string DefaultBinary = "/usr/bin/influxd";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly string _binary;
    private readonly string _configPath;
    private ChildProcess? _process;
    private bool _paused;

    private InfluxdProcess(string binary, string directory, int httpPort)
    {
        _binary = binary;
        Directory = directory;
        HttpPort = httpPort;
        _configPath = Path.Combine(directory, "influxdb.conf");
        Url = new Uri($"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>Base URL of the HTTP API, e.g. <c>http://127.0.0.1:41234</c>; stable across restarts.</summary>
    public Uri Url { get; }

    public int HttpPort { get; }

    /// <summary>The temp dir with config, meta, data and WAL; deleted on dispose.</summary>
    public string Directory { get; }

    public int Pid => _process?.Pid ?? throw new InvalidOperationException("influxd is not running");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>What influxd printed (for failure messages).</summary>
    public string Output => _process?.Output ?? string.Empty;

    /// <summary>
    /// Writes a config on free ports in a new temp dir, starts influxd and waits for <c>/ping</c> → 204.
    /// <paramref name="httpConfig"/> adds lines to the <c>[http]</c> section, e.g. <c>max-body-size = 1000</c>
    /// (→ 413) or <c>auth-enabled = true</c>.
    /// </summary>
    public static async Task<InfluxdProcess> StartAsync(string? httpConfig = null, string binary = DefaultBinary)
    {
        // A free port can be taken by someone else before influxd binds it: then try again on new ports.
        for (var attempt = 1; ; attempt++)
        {
            var directory = System.IO.Directory.CreateTempSubdirectory("cloudclinic-influxd-").FullName;
            var (httpPort, rpcPort) = TwoFreePorts();
            var influxd = new InfluxdProcess(binary, directory, httpPort);
            try
            {
                influxd.WriteConfig(rpcPort, httpConfig);
                await influxd.StartAsync();
                return influxd;
            }
            catch (InvalidOperationException) when (attempt < 3 && influxd.Output.Contains("address already in use", StringComparison.Ordinal))
            {
                await influxd.DisposeAsync();
            }
            catch
            {
                await influxd.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>(Re)starts influxd on the same ports and data; returns once it answers <c>/ping</c>.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("influxd is already running");
        }

        _process = ChildProcess.Start(_binary, ["run", "-config", _configPath], workingDirectory: Directory);
        _paused = false;
        await WaitForPingAsync();
    }

    /// <summary>SIGTERM by PID (resuming first if paused), SIGKILL after a grace period.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (_paused)
        {
            Resume();
        }

        await _process.StopAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>SIGKILL by PID: a crash, no clean shutdown.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            await _process.KillAsync();
            _paused = false;
        }
    }

    /// <summary>SIGSTOP: the port still accepts connections but nothing is answered (a hung database).</summary>
    public void Pause()
    {
        Signal("-STOP");
        _paused = true;
    }

    /// <summary>SIGCONT after <see cref="Pause"/>.</summary>
    public void Resume()
    {
        Signal("-CONT");
        _paused = false;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await StopAsync();
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

    private static (int Http, int Rpc) TwoFreePorts()
    {
        var http = FreeTcpPort.Next();
        var rpc = FreeTcpPort.Next();
        while (rpc == http)
        {
            rpc = FreeTcpPort.Next();
        }

        return (http, rpc);
    }

    private void WriteConfig(int rpcPort, string? httpConfig)
    {
        var invariant = CultureInfo.InvariantCulture;
        // Keys per InfluxDB 1.6 influxdb.conf; influxd ignores unknown keys silently, so keep to known ones.
        var config = $"""
            reporting-disabled = true
            bind-address = "127.0.0.1:{rpcPort.ToString(invariant)}"

            [meta]
              dir = "{Path.Combine(Directory, "meta")}"

            [data]
              dir = "{Path.Combine(Directory, "data")}"
              wal-dir = "{Path.Combine(Directory, "wal")}"
              query-log-enabled = false

            [http]
              bind-address = "127.0.0.1:{HttpPort.ToString(invariant)}"
              log-enabled = false
            {httpConfig}

            [monitor]
              store-enabled = false
            """;
        File.WriteAllText(_configPath, config);
    }

    private async Task WaitForPingAsync()
    {
        var process = _process!;
        await process.WaitForOutputAsync("Listening on HTTP", StartTimeout);

        // The log line comes as the listener opens; confirm the API itself answers.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(Url, "/ping"));
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < StartTimeout && !process.HasExited)
            {
            }

            if (process.HasExited || deadline.Elapsed >= StartTimeout)
            {
                throw new InvalidOperationException($"influxd did not answer /ping with 204:\n{process.Output}");
            }

            await Task.Delay(50);
        }
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", [signal, Pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} {Pid} failed with exit code {kill.ExitCode}");
        }
    }
}
