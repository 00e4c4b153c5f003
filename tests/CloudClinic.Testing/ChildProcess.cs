using System.Collections.Concurrent;
using System.Diagnostics;

namespace CloudClinic.Testing;

/// <summary>
/// A process a test started (mosquitto, influxd, socat, a gateway). Keeps its output for failure messages and
/// ends it by PID only — never by name, so nothing else on the machine is touched.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildProcess(Process process) => _process = process;

    /// <summary>Every line the process prints, as it prints it (the kept output is capped at 2,000 lines).</summary>
    public event Action<string>? LineReceived;

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output => string.Join('\n', _output);

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, IDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until a line containing <paramref name="marker"/> was printed.</summary>
    public async Task WaitForOutputAsync(string marker, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!_output.Any(line => line.Contains(marker, StringComparison.Ordinal)))
        {
            if (_process.HasExited)
            {
                // A short-lived command's last lines can still be on their way when it exits: WaitForExitAsync returns
                // once the redirected streams reached their end (bounded by the timeout, should a grandchild hold them).
                try
                {
                    await _process.WaitForExitAsync(cts.Token);
                }
                catch (OperationCanceledException)
                {
                }

                if (_output.Any(line => line.Contains(marker, StringComparison.Ordinal)))
                {
                    return;
                }

                throw new InvalidOperationException($"{_process.StartInfo.FileName} exited ({_process.ExitCode}) before '{marker}':\n{Output}");
            }

            try
            {
                await Task.Delay(50, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{_process.StartInfo.FileName} did not print '{marker}' within {timeout}:\n{Output}");
            }
        }
    }

    /// <summary>SIGKILL (kill -9) by PID and wait for the exit.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM by PID, then SIGKILL if it is still running after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        LineReceived?.Invoke(line);
        while (_output.Count > 2000 && _output.TryDequeue(out _))
        {
        }
    }
}
