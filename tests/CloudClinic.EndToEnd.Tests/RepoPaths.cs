namespace CloudClinic.EndToEnd.Tests;

/// <summary>Where the built hosts are: the same configuration (Debug/Release) as this test assembly.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/<Configuration>/net10.0/

    /// <summary>Screenshots and logs for people to look at; git-ignored.</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(FindRoot(), "artifacts", "e2e")).FullName;

    public static string HostDll(string projectFolder)
    {
        var name = Path.GetFileName(projectFolder);
        var dll = Path.Combine(Root, projectFolder, "bin", Configuration, "net10.0", name + ".dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"{dll} is not built; build CloudClinic.sln first.", dll);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CloudClinic.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CloudClinic.sln not found above " + AppContext.BaseDirectory);
    }
}
