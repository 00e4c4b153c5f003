using System.Text;
using System.Text.RegularExpressions;
using CloudClinic.Edge.Devices.LineProtocol;

namespace CloudClinic.Edge.Devices.Tests;

/// <summary>Every example frame in docs/line-protocol.md parses: the document cannot drift from the code.</summary>
public partial class LineProtocolDocumentTests
{
    [Fact]
    public void TryParse_EveryExampleFrameInTheDocument_IsValid()
    {
        var document = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "line-protocol.md"));

        var frames = ExampleFrame().Matches(document).Select(m => m.Value).Distinct().ToList();

        Assert.True(frames.Count >= 5, $"only {frames.Count} example frames found");
        Assert.All(frames, frame => Assert.True(LineProtocolParser.TryParse(Encoding.ASCII.GetBytes(frame), out _, out var error), $"{frame}: {error}"));
    }

    [GeneratedRegex(@"\$CC[A-Z]{2},[^`\s]*\*[0-9A-F]{2}")]
    private static partial Regex ExampleFrame();
}
