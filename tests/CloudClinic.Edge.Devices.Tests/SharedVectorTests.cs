using System.Text.Json;
using CloudClinic.Edge.Devices.Decoding;

namespace CloudClinic.Edge.Devices.Tests;

/// <summary>The shared vector list, row by row (TestData/shared-vectors.tsv), decoded as the field tool decodes it.</summary>
public class SharedVectorTests
{
    public static TheoryData<string, string, string, string> Rows()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "shared-vectors.tsv")).Where(l => !l.StartsWith('#')))
        {
            var c = line.Split('\t');
            data.Add(c[0], c[1], c[2], c[3]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void TryDecode_SharedVector_DecodesAsListed(string kind, string input, string expected, string source)
    {
        var ok = DeviceFrameDecoder.TryDecode(kind, input, TimeSpan.FromHours(8), out var json, out var error);

        if (expected.StartsWith("rejected: ", StringComparison.Ordinal))
        {
            Assert.False(ok, $"{source}: decoded as {json}");
            Assert.StartsWith(expected["rejected: ".Length..], error, StringComparison.Ordinal);
            return;
        }

        Assert.True(ok, $"{source}: {error}");
        Assert.NotNull(json);
        using var actual = JsonDocument.Parse(json);
        using var wanted = JsonDocument.Parse(expected);
        foreach (var property in wanted.RootElement.EnumerateObject())
        {
            Assert.True(actual.RootElement.TryGetProperty(property.Name, out var value), $"{source}: no '{property.Name}' in {json}");
            Assert.Equal(property.Value.GetRawText(), value.GetRawText());
        }
    }
}
