namespace CloudClinic.Edge.Devices.SerialMeters;

/// <summary>
/// Cuts a text meter protocol into lines (terminated by CR or LF; empty lines skipped). Pure and incremental;
/// chunking does not change the output. A byte outside printable ASCII ends the current line as dropped and counts
/// as noise, so the next line starts clean; an over-long line is dropped too.
/// </summary>
public sealed class AsciiLineReader(int maxLineLength = AsciiLineReader.DefaultMaxLineLength)
{
    public const int DefaultMaxLineLength = 256;

    private readonly byte[] _line = new byte[maxLineLength];
    private readonly NoiseBuffer _noise = new(maxLineLength);
    private int _length;
    private bool _overflow;

    public long DroppedBytes => _noise.DroppedBytes;

    public IReadOnlyList<MeterFrame> Feed(ReadOnlySpan<byte> chunk)
    {
        var output = new List<MeterFrame>();
        foreach (var b in chunk)
        {
            if (b is (byte)'\r' or (byte)'\n')
            {
                EndLine(output);
            }
            else if (b is < 0x20 or > 0x7E)
            {
                DropLine(output, "line cut by a byte that is not printable ASCII (noise or wrong baud rate?)");
                _noise.Add(b, output);
            }
            else if (_length == _line.Length)
            {
                _overflow = true;
                _noise.CountDropped(1);
            }
            else
            {
                _line[_length++] = b;
            }
        }

        return output;
    }

    public IReadOnlyList<MeterFrame> Reset(string reason)
    {
        var output = new List<MeterFrame>();
        DropLine(output, $"partial line discarded: {reason}");
        _noise.Flush(output);
        return output;
    }

    private void EndLine(List<MeterFrame> output)
    {
        if (_overflow)
        {
            DropLine(output, $"line longer than {_line.Length} bytes");
            return;
        }

        if (_length > 0)
        {
            _noise.Flush(output);
            output.Add(new MeterFrame { Bytes = _line.AsSpan(0, _length).ToArray() });
            _length = 0;
        }
    }

    private void DropLine(List<MeterFrame> output, string reason)
    {
        if (_length > 0 || _overflow)
        {
            _noise.Flush(output);
            output.Add(new MeterFrame { Bytes = _line.AsSpan(0, _length).ToArray(), DropReason = reason });
            _noise.CountDropped(_length);
            _length = 0;
            _overflow = false;
        }
    }
}
