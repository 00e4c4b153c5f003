using System.Globalization;

namespace CloudClinic.Edge.Simulator;

/// <summary>What a simulated memory meter works with: its end of the pty, its clock, its memory and its one fault.</summary>
internal sealed class MeterPort(Stream stream, TextWriter output, SimulatorArguments arguments, IReadOnlyList<StoredResult> memory, TimeProvider timeProvider)
{
    private static readonly byte[] Noise = [0x00, 0xFF, 0x7E, 0x13, 0xA5];
    private bool _faultUsed;

    public SimulatorArguments Arguments => arguments;

    public IReadOnlyList<StoredResult> Memory => memory;

    /// <summary>The meter's wall clock: now in its zone, plus the drift the arguments give it.</summary>
    public DateTime MeterNow()
    {
        var local = TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), arguments.TimeZone).DateTime;
        local = local.AddMinutes(arguments.ClockOffsetMinutes);
        return new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, DateTimeKind.Unspecified);
    }

    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) => stream.ReadAsync(buffer, cancellationToken);

    public async Task SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(bytes, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>The fault for the record at <paramref name="index"/> (newest = 0): applied once, at --fault-record.</summary>
    public FrameFault FaultFor(int index)
    {
        if (_faultUsed || arguments.Fault == FrameFault.None || index != arguments.FaultRecord)
        {
            return FrameFault.None;
        }

        _faultUsed = true;
        if (arguments.Fault == FrameFault.Unplug)
        {
            throw new MeterUnpluggedException(index);
        }

        return arguments.Fault;
    }

    /// <summary>For meters that send their memory as one response: true once when the cable should be pulled mid-way.</summary>
    public bool UnplugDue()
    {
        if (_faultUsed || arguments.Fault != FrameFault.Unplug)
        {
            return false;
        }

        _faultUsed = true;
        return true;
    }

    /// <summary>Damages a binary frame: noise and a flipped bit, a wrong checksum byte, or its first half only.</summary>
    public static byte[] Damage(byte[] frame, FrameFault fault, int checksumIndex)
    {
        var damaged = (byte[])frame.Clone();
        switch (fault)
        {
            case FrameFault.Garbled:
                damaged[damaged.Length / 2] ^= 0x80;
                return [.. Noise, .. damaged];
            case FrameFault.BadChecksum:
                damaged[checksumIndex] ^= 0x5A;
                return damaged;
            case FrameFault.Truncated:
                return damaged[..(damaged.Length / 2)];
            default:
                return damaged;
        }
    }

    public async Task ReportAsync(string line)
    {
        await output.WriteLineAsync(line);
        await output.FlushAsync();
    }

    public Task ReportDumpAsync(int dumps, int records) =>
        ReportAsync(string.Create(CultureInfo.InvariantCulture, $"dump {dumps} {records}"));
}
