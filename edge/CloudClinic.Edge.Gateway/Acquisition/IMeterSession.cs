using CloudClinic.Edge.Devices.SerialMeters;

namespace CloudClinic.Edge.Gateway.Acquisition;

/// <summary>
/// The protocol half of a request/response driver (DESIGN.md §5 "driver"): which frame reader cuts the meter's
/// bytes, and one complete read of the meter's memory over a <see cref="MeterExchange"/>. One instance per station.
/// </summary>
internal interface IMeterSession
{
    /// <summary>True when the meter speaks first (SD CodeFree): the driver waits for it instead of polling.</summary>
    bool MeterInitiated { get; }

    IReadOnlyList<MeterFrame> Feed(ReadOnlySpan<byte> bytes);

    IReadOnlyList<MeterFrame> Reset(string reason);

    /// <summary>
    /// Reads every record the meter holds, committing each through the exchange before asking for (or looking at) the
    /// next. Throws <see cref="TimeoutException"/> when the meter stops answering and
    /// <see cref="InvalidDataException"/> when its answers make no sense; what was committed stays committed.
    /// </summary>
    Task ReadMemoryAsync(MeterExchange exchange, CancellationToken cancellationToken);
}
