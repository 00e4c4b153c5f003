namespace CloudClinic.Edge.Faults.Tests;

/// <summary>The built gateway host (edge/CloudClinic.Edge), same configuration (Debug/Release) as this test assembly.</summary>
internal static class EdgeHostBinary
{
    public static string Dll { get; } = Find();

    public static string Directory => Path.GetDirectoryName(Dll)!;

    private static string Find()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/<Configuration>/net10.0/
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CloudClinic.sln")))
            {
                var dll = Path.Combine(dir.FullName, "edge", "CloudClinic.Edge", "bin", configuration, "net10.0", "CloudClinic.Edge.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is not built", dll);
            }
        }

        throw new InvalidOperationException("CloudClinic.sln not found above " + AppContext.BaseDirectory);
    }
}
