namespace CloudClinic.Edge.Bluetooth.Tests.Harness;

/// <summary>Reads a TestData/*.hex vector: '#' comment lines, then hex bytes separated by spaces.</summary>
public static class HexFile
{
    public static byte[] Read(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", name));
        var hex = string.Concat(lines.Where(l => !l.StartsWith('#')).Select(l => l.Replace(" ", string.Empty, StringComparison.Ordinal)));
        return Convert.FromHexString(hex);
    }
}
