namespace CloudClinic.Edge.Devices.Tests;

/// <summary>Byte vectors from TestData/ (hex, '#' lines are the source note) and inline hex.</summary>
internal static class Vectors
{
    public static byte[] Load(string name)
    {
        var lines = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", name)).Where(l => !l.StartsWith('#'));
        return Hex(string.Concat(lines));
    }

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));
}
