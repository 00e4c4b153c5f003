namespace CloudClinic.Contracts.Tests;

internal static class GoldenFile
{
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name)).ReplaceLineEndings("\n").TrimEnd();
}
