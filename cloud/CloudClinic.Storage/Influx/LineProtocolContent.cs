using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace CloudClinic.Storage.Influx;

/// <summary>
/// A write body encoded to UTF-8 piece by piece from the writer's buffer. 5,000 points are ~2 MB: as one string plus
/// one byte array they would be two large-object-heap allocations per write, and gen-2 collections under load.
/// </summary>
internal sealed class LineProtocolContent : HttpContent
{
    private const int BufferBytes = 64 * 1024;
    private readonly LineProtocolWriter _writer;

    public LineProtocolContent(LineProtocolWriter writer)
    {
        _writer = writer;
        Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var encoder = Encoding.UTF8.GetEncoder();
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            foreach (var chunk in _writer.GetChunks())
            {
                var chars = chunk;
                while (!chars.IsEmpty)
                {
                    encoder.Convert(chars.Span, buffer, flush: false, out var charsUsed, out var bytesUsed, out _);
                    await stream.WriteAsync(buffer.AsMemory(0, bytesUsed), cancellationToken);
                    chars = chars[charsUsed..];
                }
            }

            encoder.Convert(ReadOnlySpan<char>.Empty, buffer, flush: true, out _, out var tail, out _);
            if (tail > 0)
            {
                await stream.WriteAsync(buffer.AsMemory(0, tail), cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        // Unknown up front: sent chunked, which InfluxDB's /write accepts.
        length = 0;
        return false;
    }
}
