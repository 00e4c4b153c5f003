using System.Text;

namespace CloudClinic.Edge.Devices.SerialMeters.FreeStyleOptium;

/// <summary>
/// Cuts the FreeStyle Optium's byte stream into whole responses: everything up to and including a line that ends a
/// response (<c>0xHHHH  END</c> after <c>$xmem</c>, <c>CMD OK</c> after other commands). The checksum covers the
/// whole dump, so the frame keeps every byte, CR LF included. A byte that is not ASCII text drops the response so
/// far (it cannot pass its checksum) and the reader starts afresh after it; pure and chunking-independent.
/// </summary>
public sealed class FreeStyleOptiumFrameReader
{
    /// <summary>1000 results of ~32 bytes plus the header fit with room to spare.</summary>
    public const int MaxResponseLength = 64 * 1024;

    private readonly List<byte> _response = [];
    private readonly NoiseBuffer _noise = new(64);
    private int _lineStart;
    private bool _overflow;

    public long DroppedBytes => _noise.DroppedBytes;

    public IReadOnlyList<MeterFrame> Feed(ReadOnlySpan<byte> chunk)
    {
        var output = new List<MeterFrame>();
        foreach (var b in chunk)
        {
            if (b is not ((>= 0x20 and <= 0x7E) or (byte)'\r' or (byte)'\n' or (byte)'\t'))
            {
                Drop(output, "response cut by a byte that is not ASCII text (noise or wrong baud rate?)");
                _noise.Add(b, output);
                continue;
            }

            if (_response.Count == MaxResponseLength)
            {
                _overflow = true;
            }
            else
            {
                _response.Add(b);
            }

            if (b == (byte)'\n')
            {
                EndLine(output);
            }
        }

        return output;
    }

    public IReadOnlyList<MeterFrame> Reset(string reason)
    {
        var output = new List<MeterFrame>();
        Drop(output, $"partial response discarded: {reason}");
        _noise.Flush(output);
        return output;
    }

    private void EndLine(List<MeterFrame> output)
    {
        if (_overflow)
        {
            Drop(output, $"response longer than {MaxResponseLength} bytes");
            return;
        }

        var line = Encoding.ASCII.GetString(_response.GetRange(_lineStart, _response.Count - _lineStart).ToArray()).TrimEnd('\r', '\n');
        _lineStart = _response.Count;
        if (line == "CMD OK" || (line.EndsWith("  END", StringComparison.Ordinal) && line.StartsWith("0x", StringComparison.Ordinal)))
        {
            _noise.Flush(output);
            output.Add(new MeterFrame { Bytes = _response.ToArray() });
            _response.Clear();
            _lineStart = 0;
        }
    }

    private void Drop(List<MeterFrame> output, string reason)
    {
        if (_response.Count > 0 || _overflow)
        {
            _noise.Flush(output);
            output.Add(new MeterFrame { Bytes = _response.Take(256).ToArray(), DropReason = reason });
            _noise.CountDropped(_response.Count);
        }

        _response.Clear();
        _lineStart = 0;
        _overflow = false;
    }
}
