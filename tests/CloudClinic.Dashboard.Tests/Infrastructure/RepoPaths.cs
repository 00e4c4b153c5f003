namespace CloudClinic.Dashboard.Tests.Infrastructure;

/// <summary>Where screenshots go: artifacts/e2e/ at the repository root (git-ignored).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(Root, "artifacts", "e2e")).FullName;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CloudClinic.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"CloudClinic.sln not found above {AppContext.BaseDirectory}");
    }
}
