namespace CloudClinic.Edge.Devices.LineProtocol;

/// <summary>
/// Cuts a CCLP/1 byte stream into frames (docs/line-protocol.md §2). Pure and incremental: feed chunks of any size
/// as they arrive; the output does not depend on how the stream was chunked. A frame starts at <c>$</c> and ends at
/// CR or LF. A <c>$</c> inside a frame restarts (the cut-off frame is dropped), so one lost line end costs one frame,
/// and bytes outside frames (line noise, a meter's banner) are reported as noise when the next frame starts.
/// </summary>
public sealed class LineProtocolFrameReader
{
    /// <summary>Longest frame accepted, <c>$</c> to <c>*HH</c>. A valid CCLP/1 frame is well under 140 bytes.</summary>
    public const int DefaultMaxFrameLength = 160;

    /// <summary>Noise is reported at the latest every this many bytes, so a stream of garbage stays visible.</summary>
    public const int NoiseReportBytes = 4096;

    private readonly int _maxFrameLength;
    private readonly byte[] _frame;
    private readonly byte[] _noiseSample;
    private int _frameLength;
    private bool _inFrame;
    private int _noiseCount;

    public LineProtocolFrameReader(int maxFrameLength = DefaultMaxFrameLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameLength, 8);
        _maxFrameLength = maxFrameLength;
        _frame = new byte[maxFrameLength];
        _noiseSample = new byte[maxFrameLength];
    }

    /// <summary>Total bytes reported as noise or dropped frames since construction.</summary>
    public long DroppedBytes { get; private set; }

    /// <summary>Consumes <paramref name="chunk"/>; returns the frames and drops completed by it, in stream order.</summary>
    public IReadOnlyList<LineFrame> Feed(ReadOnlySpan<byte> chunk)
    {
        List<LineFrame>? output = null;
        foreach (var b in chunk)
        {
            if (b == (byte)'$')
            {
                if (_inFrame)
                {
                    Add(ref output, DropFrame("frame cut off: a new '$' arrived before its line end"));
                }

                FlushNoise(ref output);
                _inFrame = true;
                _frame[0] = b;
                _frameLength = 1;
            }
            else if (_inFrame)
            {
                if (b is (byte)'\r' or (byte)'\n')
                {
                    _inFrame = false;
                    Add(ref output, new LineFrame { Bytes = _frame.AsSpan(0, _frameLength).ToArray() });
                }
                else if (_frameLength == _maxFrameLength)
                {
                    // Too long to be CCLP/1: drop it and hunt for the next '$'; the rest of the line counts as noise.
                    Add(ref output, DropFrame($"frame longer than {_maxFrameLength} bytes"));
                    AddNoise(ref output, b);
                }
                else
                {
                    _frame[_frameLength++] = b;
                }
            }
            else if (b is not ((byte)'\r' or (byte)'\n'))
            {
                AddNoise(ref output, b);
            }
        }

        return output ?? (IReadOnlyList<LineFrame>)[];
    }

    /// <summary>
    /// Forgets a partial frame and pending noise (call when the link drops: bytes after a reconnect do not continue
    /// the old line). Returns what was dropped, so nothing disappears unreported.
    /// </summary>
    public IReadOnlyList<LineFrame> Reset(string reason)
    {
        List<LineFrame>? output = null;
        if (_inFrame)
        {
            Add(ref output, DropFrame($"partial frame discarded: {reason}"));
        }

        FlushNoise(ref output);
        return output ?? (IReadOnlyList<LineFrame>)[];
    }

    private LineFrame DropFrame(string reason)
    {
        _inFrame = false;
        DroppedBytes += _frameLength;
        return new LineFrame { Bytes = _frame.AsSpan(0, _frameLength).ToArray(), DropReason = reason };
    }

    private void AddNoise(ref List<LineFrame>? output, byte b)
    {
        if (_noiseCount < _noiseSample.Length)
        {
            _noiseSample[_noiseCount] = b;
        }

        _noiseCount++;
        if (_noiseCount >= NoiseReportBytes)
        {
            FlushNoise(ref output);
        }
    }

    private void FlushNoise(ref List<LineFrame>? output)
    {
        if (_noiseCount == 0)
        {
            return;
        }

        var sample = _noiseSample.AsSpan(0, Math.Min(_noiseCount, _noiseSample.Length)).ToArray();
        Add(ref output, new LineFrame { Bytes = sample, DropReason = $"{_noiseCount} byte(s) of noise outside a frame" });
        DroppedBytes += _noiseCount;
        _noiseCount = 0;
    }

    private static void Add(ref List<LineFrame>? output, LineFrame frame) => (output ??= []).Add(frame);
}
