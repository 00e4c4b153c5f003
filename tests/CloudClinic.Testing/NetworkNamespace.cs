using System.Diagnostics;
using System.Globalization;

namespace CloudClinic.Testing;

/// <summary>
/// A Linux network namespace joined to the host by a veth pair, for cutting a process off its broker for real
/// (PLATFORM-NOTES.md: netns + veth + <c>ip link set down</c> work here; tc netem does not). The host end gets
/// <see cref="HostAddress"/>, the namespace end <see cref="NamespaceAddress"/> (a private /30); a process started with
/// <see cref="Wrap"/> reaches the host only through the pair. Names are unique per instance; disposing deletes the
/// namespace, which deletes both veth ends. Needs root (CAP_NET_ADMIN) and iproute2.
/// </summary>
public sealed class NetworkNamespace : IAsyncDisposable
{
    private const string Ip = "/usr/sbin/ip";
    private bool _deleted;

    private NetworkNamespace(string name, string hostInterface, string namespaceInterface, string hostAddress, string namespaceAddress)
    {
        Name = name;
        HostInterface = hostInterface;
        NamespaceInterface = namespaceInterface;
        HostAddress = hostAddress;
        NamespaceAddress = namespaceAddress;
    }

    public string Name { get; }

    /// <summary>The veth end in the host's namespace; <see cref="CutAsync"/> takes it down.</summary>
    public string HostInterface { get; }

    public string NamespaceInterface { get; }

    public string HostAddress { get; }

    public string NamespaceAddress { get; }

    /// <summary>Null when namespaces can be made here; otherwise why not (not root, no iproute2, no netns support).</summary>
    public static async Task<string?> FindUnsupportedReasonAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "network namespaces are Linux only";
        }

        if (!File.Exists(Ip))
        {
            return $"{Ip} (iproute2) is not installed";
        }

        if (Environment.UserName != "root")
        {
            return $"creating a network namespace needs root (CAP_NET_ADMIN); running as {Environment.UserName}";
        }

        var probe = $"ccprobe{Random.Shared.Next(0, 1 << 24):x6}";
        var (code, output) = await RunAsync("netns", "add", probe);
        if (code != 0)
        {
            return $"'ip netns add' failed: {output.Trim()}";
        }

        await RunAsync("netns", "del", probe);
        return null;
    }

    /// <summary>Creates the namespace, the pair and the addresses, both ends up, loopback up inside.</summary>
    public static async Task<NetworkNamespace> CreateAsync()
    {
        var id = Random.Shared.Next(0, 1 << 24).ToString("x6", CultureInfo.InvariantCulture);
        // 10.200.0.0-10.249.255.252: a random /30 in a corner of 10/8 no test network here uses.
        var block = Random.Shared.Next(0, 50 * 256 * 64);
        var prefix = string.Create(CultureInfo.InvariantCulture, $"10.{200 + (block / (256 * 64))}.{block / 64 % 256}.{block % 64 * 4}");
        var net = prefix[..prefix.LastIndexOf('.')];
        var last = int.Parse(prefix[(prefix.LastIndexOf('.') + 1)..], CultureInfo.InvariantCulture);
        var ns = new NetworkNamespace(
            $"ccfault-{id}",
            $"cch{id}",
            $"ccg{id}",
            string.Create(CultureInfo.InvariantCulture, $"{net}.{last + 1}"),
            string.Create(CultureInfo.InvariantCulture, $"{net}.{last + 2}"));
        try
        {
            await ns.MustAsync("netns", "add", ns.Name);
            await ns.MustAsync("link", "add", ns.HostInterface, "type", "veth", "peer", "name", ns.NamespaceInterface);
            await ns.MustAsync("link", "set", ns.NamespaceInterface, "netns", ns.Name);
            await ns.MustAsync("addr", "add", ns.HostAddress + "/30", "dev", ns.HostInterface);
            await ns.MustAsync("link", "set", ns.HostInterface, "up");
            await ns.MustAsync("-n", ns.Name, "addr", "add", ns.NamespaceAddress + "/30", "dev", ns.NamespaceInterface);
            await ns.MustAsync("-n", ns.Name, "link", "set", ns.NamespaceInterface, "up");
            await ns.MustAsync("-n", ns.Name, "link", "set", "lo", "up");
            return ns;
        }
        catch
        {
            await ns.DisposeAsync();
            throw;
        }
    }

    /// <summary>The command line that runs <paramref name="fileName"/> inside the namespace (<c>ip netns exec</c> execs it: same PID).</summary>
    public (string FileName, string[] Arguments) Wrap(string fileName, params string[] arguments) =>
        (Ip, ["netns", "exec", Name, fileName, .. arguments]);

    /// <summary>Takes the host end down: packets stop both ways, sockets stay open and see silence (a real link cut).</summary>
    public Task CutAsync() => MustAsync("link", "set", HostInterface, "down");

    public Task RestoreAsync() => MustAsync("link", "set", HostInterface, "up");

    public async ValueTask DisposeAsync()
    {
        if (_deleted)
        {
            return;
        }

        _deleted = true;
        // Deleting the namespace destroys the veth end inside it, which destroys its peer; delete the host end too in
        // case the pair was made but never moved.
        await RunAsync("netns", "del", Name);
        await RunAsync("link", "del", HostInterface);
    }

    private async Task MustAsync(params string[] arguments)
    {
        var (code, output) = await RunAsync(arguments);
        if (code != 0)
        {
            throw new InvalidOperationException($"ip {string.Join(' ', arguments)} failed ({code}): {output.Trim()}");
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo(Ip) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
