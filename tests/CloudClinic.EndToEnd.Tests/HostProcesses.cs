using CloudClinic.Testing;

namespace CloudClinic.EndToEnd.Tests;

/// <summary>Starts the real hosts as separate processes, configured only through environment variables (DESIGN.md §9).</summary>
internal static class HostProcesses
{
    public const string Gateway = "edge/CloudClinic.Edge";
    public const string Ingest = "cloud/CloudClinic.Ingest";
    public const string Dashboard = "dashboard/CloudClinic.Dashboard";
    public const string Simulator = "edge/CloudClinic.Edge.Simulator";

    public static ChildProcess Start(string project, IDictionary<string, string?> settings, params string[] arguments)
    {
        var environment = new Dictionary<string, string?>(settings)
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_NOLOGO"] = "1",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        };
        // Like `dotnet run`: the project folder is the content root (appsettings.json, wwwroot).
        return ChildProcess.Start("dotnet", [RepoPaths.HostDll(project), .. arguments], environment, Path.Combine(RepoPaths.Root, project));
    }
}
