using System.Net;
using System.Net.Http.Headers;

namespace CloudClinic.Storage.Influx;

/// <summary>
/// A write body sent straight from the writer's pooled UTF-8 segments: no string, no encoder, no large array (5,000
/// points are ~2 MB), and an exact Content-Length instead of chunked transfer. It borrows the writer: the caller
/// disposes that after the send has completed, which is after every serialization of this content — HttpClient
/// re-sends a body (a redirect, an authentication challenge) only within its SendAsync.
/// </summary>
internal sealed class LineProtocolContent : HttpContent
{
    private readonly LineProtocolWriter _writer;

    public LineProtocolContent(LineProtocolWriter writer)
    {
        _writer = writer;
        Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        foreach (var segment in _writer.GetSegments())
        {
            await stream.WriteAsync(segment, cancellationToken);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _writer.ByteCount;
        return true;
    }
}
