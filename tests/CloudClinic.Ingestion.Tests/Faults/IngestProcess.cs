using CloudClinic.Testing;

namespace CloudClinic.Ingestion.Tests.Faults;

/// <summary>
/// The real ingest host (<c>cloud/CloudClinic.Ingest</c>, built with this test project) as a child process, so a
/// test can <c>kill -9</c> it. Configured through environment variables, as an operator would.
/// </summary>
internal static class IngestProcess
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public static async Task<ChildProcess> StartAsync(IDictionary<string, string?> environment)
    {
        var dll = HostDll();
        var process = ChildProcess.Start("dotnet", [dll], environment, Path.GetDirectoryName(dll));
        try
        {
            await process.WaitForOutputAsync("ingest subscribed", StartTimeout);
        }
        catch
        {
            await process.KillAsync();
            await process.DisposeAsync();
            throw;
        }

        return process;
    }

    private static string HostDll()
    {
        // …/tests/CloudClinic.Ingestion.Tests/bin/<Configuration>/net10.0/ → the same configuration of the host.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        for (var dir = output; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CloudClinic.sln")))
            {
                var dll = Path.Combine(dir.FullName, "cloud", "CloudClinic.Ingest", "bin", configuration, "net10.0", "CloudClinic.Ingest.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is not built", dll);
            }
        }

        throw new InvalidOperationException("CloudClinic.sln not found above " + AppContext.BaseDirectory);
    }
}
