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

    public void Flush(List<MeterFrame> output)
    {
        if (_count == 0)
        {
            return;
        }

        output.Add(new MeterFrame
        {
            Bytes = _sample.AsSpan(0, Math.Min(_count, _sample.Length)).ToArray(),
            DropReason = $"{_count} byte(s) of noise outside a frame",
        });
        DroppedBytes += _count;
        _count = 0;
    }

    public void CountDropped(int bytes) => DroppedBytes += bytes;
}
