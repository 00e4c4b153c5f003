using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace CloudClinic.Storage.Influx;

/// <summary>
/// Growable UTF-8 text in 64 KiB segments rented from a pool of their own (<see cref="SegmentPool"/>): a 5,000-point
/// write (about 1.6 MB: a bench reading is ~330 bytes of line protocol) never makes a large-object-heap array and never
/// copies on growth. A segment never ends inside a UTF-8 sequence (every write places whole characters), so each one
/// decodes on its own. Dispose returns the segments to the pool; nothing handed out by <see cref="Segments"/> may be
/// used after that.
/// </summary>
internal sealed class Utf8SegmentBuffer : IDisposable
{
    // Below the 85,000-byte large-object threshold, and a power of two, which a pool keeps in a bucket as is.
    private const int SegmentBytes = 64 * 1024;

    // The ingest has up to 4 batches of ~9,300 points in flight (Ingest:MaxInFlightBatches): ~180 segments. The shared
    // pool keeps 8 arrays of a size per core, so under load some segments were new 64 KiB arrays that lived through
    // the write and died in an older generation, the costly kind of garbage: ~60 bytes per reading at 100 readings per
    // message (EventPipe allocation samples of byte arrays, 6,227 → 5,925 over 500,000 readings). This pool keeps up
    // to 256 segments (16 MiB, and only once that many were in use at once).
    private static readonly ArrayPool<byte> SegmentPool = ArrayPool<byte>.Create(SegmentBytes, maxArraysPerBucket: 256);

    // Room for every value formatted here: a double as "R" (at most 24 bytes), a long (20), a DateTimeOffset as "o" (33).
    private const int FormattedMaxBytes = 64;

    private readonly List<ArraySegment<byte>> _filled = [];
    private byte[]? _current;
    private int _used;
    private long _filledBytes;
    private bool _disposed;

    /// <summary>Bytes written so far.</summary>
    public long Length => _filledBytes + _used;

    /// <summary>One ASCII character (a separator or an escape).</summary>
    public void Write(byte ascii)
    {
        Free(1)[0] = ascii;
        _used++;
    }

    /// <summary>A short UTF-8 literal such as <c>"true"u8</c>; it lands whole in one segment.</summary>
    public void Write(ReadOnlySpan<byte> literal)
    {
        literal.CopyTo(Free(literal.Length));
        _used += literal.Length;
    }

    /// <summary>UTF-16 text as UTF-8; a lone surrogate becomes U+FFFD, as <see cref="Encoding.UTF8"/> would write it.</summary>
    public void Write(ReadOnlySpan<char> text)
    {
        while (true)
        {
            // Stops before a character that does not fit, so a sequence is never split across segments.
            var status = Utf8.FromUtf16(text, Free(1), out var charsRead, out var bytesWritten);
            _used += bytesWritten;
            if (status == OperationStatus.Done)
            {
                return;
            }

            text = text[charsRead..];
            NextSegment();
        }
    }

    /// <summary>A number or time formatted in the invariant culture straight into the buffer, with no string between.</summary>
    public void Write<T>(T value, ReadOnlySpan<char> format)
        where T : IUtf8SpanFormattable
    {
        if (!value.TryFormat(Free(FormattedMaxBytes), out var bytesWritten, format, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"{typeof(T).Name} {value} does not format within {FormattedMaxBytes} bytes");
        }

        _used += bytesWritten;
    }

    /// <summary>The bytes in order, valid until <see cref="Dispose"/>.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Segments()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Enumerate();

        IEnumerable<ReadOnlyMemory<byte>> Enumerate()
        {
            foreach (var segment in _filled)
            {
                yield return segment;
            }

            if (_current is not null && _used > 0)
            {
                yield return _current.AsMemory(0, _used);
            }
        }
    }

    public override string ToString()
    {
        // Segments hold whole characters (see the summary), so they are decoded one by one into the final string.
        var chars = 0;
        foreach (var segment in Segments())
        {
            chars += Encoding.UTF8.GetCharCount(segment.Span);
        }

        return string.Create(chars, this, static (text, buffer) =>
        {
            foreach (var segment in buffer.Segments())
            {
                text = text[Encoding.UTF8.GetChars(segment.Span, text)..];
            }
        });
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var segment in _filled)
        {
            SegmentPool.Return(segment.Array!);
        }

        _filled.Clear();
        if (_current is not null)
        {
            SegmentPool.Return(_current);
            _current = null;
        }
    }

    /// <summary>The free end of the current segment, moving to a new one when fewer than <paramref name="minBytes"/> are left.</summary>
    private Span<byte> Free(int minBytes)
    {
        if (_current is null || _current.Length - _used < minBytes)
        {
            NextSegment();
        }

        return _current.AsSpan(_used);
    }

    [MemberNotNull(nameof(_current))]
    private void NextSegment()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_current is { } full)
        {
            // Cleared before renting, so a failed Rent cannot leave one array both filled and current (returned twice).
            _current = null;
            _filled.Add(new ArraySegment<byte>(full, 0, _used));
            _filledBytes += _used;
        }

        _current = SegmentPool.Rent(SegmentBytes);
        _used = 0;
    }
}
