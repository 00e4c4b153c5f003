using System.Globalization;

namespace CloudClinic.Testing;

/// <summary>
/// A linked pair of pseudo-terminals from real socat (PLATFORM-NOTES "Serial"): open <see cref="PortA"/> on one
/// side (the gateway) and <see cref="PortB"/> on the other (the meter simulator). <see cref="UnplugAsync"/> kills
/// socat (kill -9, by PID) like pulling a USB adapter; <see cref="ReplugAsync"/> starts a new socat with the same
/// link paths, like plugging it back in.
/// </summary>
public sealed class SocatPtyPair : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private readonly string _directory;
    private ChildProcess? _socat;

    private SocatPtyPair(string directory)
    {
        _directory = directory;
        PortA = Path.Combine(directory, "ttyA");
        PortB = Path.Combine(directory, "ttyB");
    }

    /// <summary>Link path of the first pty (conventionally the gateway's side).</summary>
    public string PortA { get; }

    /// <summary>Link path of the second pty (conventionally the meter's side).</summary>
    public string PortB { get; }

    public bool IsPlugged => _socat is { HasExited: false };

    /// <summary>PID of the current socat, for diagnostics.</summary>
    public int? SocatPid => _socat?.Pid;

    public static async Task<SocatPtyPair> StartAsync(TimeSpan? timeout = null)
    {
        var directory = Directory.CreateTempSubdirectory("cloudclinic-pty-").FullName;
        var pair = new SocatPtyPair(directory);
        try
        {
            await pair.ReplugAsync(timeout);
            return pair;
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills socat abruptly: both ptys vanish under whoever has them open; the links dangle.</summary>
    public async Task UnplugAsync()
    {
        if (_socat is { } socat)
        {
            await socat.KillAsync();
            await socat.DisposeAsync();
            _socat = null;
        }
    }

    /// <summary>Starts a new socat with the same link paths and waits until both links point at live ptys.</summary>
    public async Task ReplugAsync(TimeSpan? timeout = null)
    {
        if (IsPlugged)
        {
            throw new InvalidOperationException("socat is still running: unplug first");
        }

        // A socat killed with -9 leaves its links behind; remove them so the new ones are created fresh.
        File.Delete(PortA);
        File.Delete(PortB);
        var socat = ChildProcess.Start(
            "/usr/bin/socat",
            ["-d", "-d", $"pty,raw,echo=0,link={PortA}", $"pty,raw,echo=0,link={PortB}"]);
        _socat = socat;
        // socat logs "starting data transfer loop" after both ptys and links exist.
        await socat.WaitForOutputAsync("starting data transfer loop", timeout ?? DefaultTimeout);
        foreach (var link in new[] { PortA, PortB })
        {
            if (File.ResolveLinkTarget(link, returnFinalTarget: false) is null)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"socat {socat.Pid} started but {link} is missing:\n{socat.Output}"));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await UnplugAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind is harmless.
        }
    }
}
