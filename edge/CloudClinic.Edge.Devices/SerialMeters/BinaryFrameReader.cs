using System.Runtime.InteropServices;

namespace CloudClinic.Edge.Devices.SerialMeters;

/// <summary>
/// Cuts a binary meter protocol's byte stream into frames. Pure and incremental: feed chunks of any size; the
/// output does not depend on the chunking. At each position the protocol says "a frame of n bytes", "need more"
/// or "not a frame here"; in the last case one byte is skipped as noise and the search resumes at the next byte,
/// so the reader resynchronises after garbage or a cut-off frame. The checksum is part of the match: otherwise a
/// cut-off frame followed by a good one could pass as one frame (its length byte or end marker lining up by chance)
/// and swallow the good one. A frame that fails its checksum is therefore reported as noise, with that reason.
/// </summary>
public abstract class BinaryFrameReader
{
    protected const int BadChecksum = -2;

    private readonly List<byte> _buffer = [];
    private readonly NoiseBuffer _noise;

    protected BinaryFrameReader(int maxFrameLength)
    {
        MaxFrameLength = maxFrameLength;
        _noise = new NoiseBuffer(maxFrameLength);
    }

    public int MaxFrameLength { get; }

    /// <summary>Bytes reported as noise since construction.</summary>
    public long DroppedBytes => _noise.DroppedBytes;

    public IReadOnlyList<MeterFrame> Feed(ReadOnlySpan<byte> chunk)
    {
        var output = new List<MeterFrame>();
        foreach (var b in chunk)
        {
            _buffer.Add(b);
            Drain(output);
        }

        return output;
    }

    /// <summary>Forgets a partial frame (the link dropped); returns what was dropped so nothing vanishes unreported.</summary>
    public IReadOnlyList<MeterFrame> Reset(string reason)
    {
        var output = new List<MeterFrame>();
        _noise.Flush(output);
        if (_buffer.Count > 0)
        {
            output.Add(new MeterFrame { Bytes = _buffer.ToArray(), DropReason = $"partial frame discarded: {reason}" });
            _noise.CountDropped(_buffer.Count);
            _buffer.Clear();
        }

        return output;
    }

    /// <summary>
    /// Looks at the buffered bytes starting at a candidate frame start: the frame length when a whole frame is
    /// there, 0 when the bytes so far are a valid prefix, -1 when no frame starts here, or
    /// <see cref="BadChecksum"/> when a whole frame is there but its checksum fails.
    /// </summary>
    protected abstract int Match(ReadOnlySpan<byte> candidate);

    private void Drain(List<MeterFrame> output)
    {
        while (_buffer.Count > 0)
        {
            var match = Match(CollectionsMarshal.AsSpan(_buffer));
            if (match == 0)
            {
                return;
            }

            if (match < 0)
            {
                if (match == BadChecksum)
                {
                    _noise.NoteBadChecksum();
                }

                _noise.Add(_buffer[0], output);
                _buffer.RemoveAt(0);
                continue;
            }

            _noise.Flush(output);
            output.Add(new MeterFrame { Bytes = CollectionsMarshal.AsSpan(_buffer)[..match].ToArray() });
            _buffer.RemoveRange(0, match);
        }
    }
}
