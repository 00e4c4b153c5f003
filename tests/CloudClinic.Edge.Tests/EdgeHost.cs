using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace CloudClinic.Edge.Tests;

/// <summary>
/// Runs the built host as an operator does: <c>dotnet edge/CloudClinic.Edge/bin/&lt;Configuration&gt;/net10.0/CloudClinic.Edge.dll</c>,
/// in the configuration this test assembly was built in (the project reference builds the host alongside).
/// </summary>
internal static class EdgeHost
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static string DllPath { get; } = FindDll();

    public static async Task<EdgeHostRun> RunAsync(IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            // Not the host's folder: it must find its appsettings.json by itself, as under systemd.
            WorkingDirectory = Path.GetTempPath(),
        };
        info.ArgumentList.Add(DllPath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // A developer's DOTNET_ENVIRONMENT would load appsettings.Development.json (a simulated station).
        info.Environment.Remove("DOTNET_ENVIRONMENT");
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        info.Environment["TZ"] = GatewayZone.TzName;
        // Gateways of parallel tests must not race for the local page's default port 8080.
        info.Environment["Edge__LocalPage__Url"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = new Process { StartInfo = info };
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            // Only this process, by the handle (PID) we started it with.
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{DllPath} {string.Join(' ', info.ArgumentList)} did not exit within {Timeout}:\n{output}\n{error}");
        }

        lock (output)
        {
            lock (error)
            {
                return new EdgeHostRun(process.ExitCode, output.ToString(), error.ToString());
            }
        }
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }
    }

    private static string FindDll()
    {
        var configuration = typeof(EdgeHost).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CloudClinic.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException($"no CloudClinic.sln above {AppContext.BaseDirectory}");
        }

        var dll = Path.Combine(directory.FullName, "edge", "CloudClinic.Edge", "bin", configuration, "net10.0", "CloudClinic.Edge.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"the host is not built in {configuration}", dll);
    }
}
