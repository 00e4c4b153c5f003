using System.Text;
using CloudClinic.Storage.Influx;

namespace CloudClinic.Storage.Tests;

public sealed class LineProtocolContentTests
{
    [Fact]
    public async Task ReadAsByteArray_ManyChunksWithChineseAndSurrogatePairs_SameBytesAsEncodingTheString()
    {
        // Enough text for many StringBuilder chunks (8,000 chars at most each), with multi-byte characters and
        // surrogate pairs that will straddle chunk and buffer boundaries.
        var writer = new LineProtocolWriter();
        for (var i = 0; i < 3000; i++)
        {
            writer.Begin("blood_pressure").Tag("patient", $"患者-{i}").Field("note", $"血压 {i} 😀 ok").Field("systolic", 120 + (i % 60)).End(i);
        }

        using var content = new LineProtocolContent(writer);
        var bytes = await content.ReadAsByteArrayAsync();

        Assert.Equal(Encoding.UTF8.GetBytes(writer.ToString()), bytes);
        Assert.Equal("text/plain; charset=utf-8", content.Headers.ContentType?.ToString());
    }
}
