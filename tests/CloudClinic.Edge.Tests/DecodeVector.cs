namespace CloudClinic.Edge.Tests;

/// <summary>One row of TestData/decode-vectors.tsv.</summary>
internal sealed record DecodeVector(string Kind, string Input, int ExitCode, string Expected, string Source)
{
    public const string RejectedPrefix = "rejected: ";

    public static IEnumerable<DecodeVector> Load() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "decode-vectors.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(c => new DecodeVector(c[0], c[1], int.Parse(c[2], System.Globalization.CultureInfo.InvariantCulture), c[3], c[4]));

    /// <summary>Plain columns, so xunit lists every row as its own test case.</summary>
    public static TheoryData<string, string, int, string, string> Rows()
    {
        var data = new TheoryData<string, string, int, string, string>();
        foreach (var v in Load())
        {
            data.Add(v.Kind, v.Input, v.ExitCode, v.Expected, v.Source);
        }

        return data;
    }
}
