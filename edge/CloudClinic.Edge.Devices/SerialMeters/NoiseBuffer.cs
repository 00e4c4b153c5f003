namespace CloudClinic.Edge.Devices.SerialMeters;

/// <summary>
/// Collects bytes a frame reader skipped and reports them as one drop when the next frame starts, on reset, or
/// every <see cref="ReportBytes"/> bytes (so endless garbage stays visible). Keeps a bounded sample.
/// </summary>
internal sealed class NoiseBuffer(int sampleBytes)
{
    public const int ReportBytes = 4096;

    private readonly byte[] _sample = new byte[sampleBytes];
    private int _count;
    private int _badChecksums;

    public long DroppedBytes { get; private set; }

    public void Add(byte b, List<MeterFrame> output)
    {
        if (_count < _sample.Length)
        {
            _sample[_count] = b;
        }

        _count++;
        if (_count >= ReportBytes)
        {
            Flush(output);
        }
    }

    /// <summary>The bytes about to be skipped looked like a whole frame but failed its checksum: say so when reporting.</summary>
    public void NoteBadChecksum() => _badChecksums++;

    public void Flush(List<MeterFrame> output)
    {
        if (_count == 0)
        {
            return;
        }

        var checksums = _badChecksums == 0 ? string.Empty : $", including {_badChecksums} frame start(s) that failed the checksum";
        output.Add(new MeterFrame
        {
            Bytes = _sample.AsSpan(0, Math.Min(_count, _sample.Length)).ToArray(),
            DropReason = $"{_count} byte(s) of noise outside a frame{checksums}",
        });
        DroppedBytes += _count;
        _count = 0;
        _badChecksums = 0;
    }

    public void CountDropped(int bytes) => DroppedBytes += bytes;
}
