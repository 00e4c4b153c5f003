using System.Threading.Channels;
using CloudClinic.Edge.Devices;
using CloudClinic.Edge.Devices.Clock;
using CloudClinic.Edge.Devices.SerialMeters;
using CloudClinic.Edge.Gateway.Outbox;

namespace CloudClinic.Edge.Gateway.Acquisition;

/// <summary>
/// One connection's conversation with a meter, as a session sees it: send a request, receive the frames the meter
/// answers with (an idle timeout: the wait restarts while bytes keep arriving, so a long dump is not cut off), check
/// the meter's clock, and commit records — each before the session asks for the next.
/// </summary>
internal sealed class MeterExchange(
    IMeterLinkWriter writer,
    ChannelReader<MeterFrame> frames,
    Func<long> bytesSeen,
    MeterStationSettings settings,
    ReadingCommitter committer,
    TimeProvider timeProvider)
{
    private IReadOnlyList<string> _clockFlags = [];

    public MeterStationSettings Settings => settings;

    /// <summary>The last clock check of this connection; null until the session read the meter's clock.</summary>
    public ClockCheck? Clock { get; private set; }

    public int Added { get; private set; }

    public int Duplicates { get; private set; }

    public int Rejected { get; private set; }

    public ValueTask SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => writer.WriteAsync(bytes, cancellationToken);

    /// <summary>The next frame (dropped ones included: the session decides what a loss means).</summary>
    public Task<MeterFrame> ReceiveAsync(CancellationToken cancellationToken) => ReceiveAsync(settings.ReplyTimeout, cancellationToken);

    public async Task<MeterFrame> ReceiveAsync(TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (frames.TryRead(out var frame))
            {
                return frame;
            }

            var seen = bytesSeen();
            try
            {
                // WaitToReadAsync, not ReadAsync: an abandoned wait must not swallow the next frame.
                var waiting = frames.WaitToReadAsync(cancellationToken).AsTask();
                var open = idleTimeout == Timeout.InfiniteTimeSpan
                    ? await waiting
                    : await waiting.WaitAsync(idleTimeout, timeProvider, cancellationToken);
                if (!open)
                {
                    throw new IOException("the meter link closed");
                }
            }
            catch (TimeoutException) when (bytesSeen() != seen)
            {
                // Bytes are still arriving (a long dump, or noise): keep waiting.
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"no answer from the meter within {idleTimeout.TotalSeconds:0.##} s");
            }
        }
    }

    /// <summary>Frames nobody asked for (late answers, noise): rejected with a reason, so nothing vanishes unreported.</summary>
    public void DiscardPending()
    {
        while (frames.TryRead(out var frame))
        {
            Reject(frame.Bytes.Span, frame.DropReason ?? "unsolicited frame: no request was outstanding");
        }
    }

    public void Reject(ReadOnlySpan<byte> raw, string reason)
    {
        Rejected++;
        committer.Reject(raw, reason);
    }

    public void Reject(MeterFrame frame, string reason) => Reject(frame.Bytes.Span, reason);

    /// <summary>Compares the meter's clock (read just now) with the gateway's; later readings carry the verdict.</summary>
    public ClockCheck CheckClock(DateTime meterLocalNow)
    {
        var check = ClockCheck.Of(meterLocalNow, settings.Zone, timeProvider.GetUtcNow());
        Clock = check;
        _clockFlags = check.Drifted ? [GatewayReadingFlags.ClockDrift] : [];
        return check;
    }

    /// <summary>The UTC offset of the station's zone at the meter's time (not today's).</summary>
    public TimeSpan OffsetAt(DateTime meterLocalTime) => MeterClock.OffsetAt(meterLocalTime, settings.Zone);

    /// <summary>
    /// Commits a record whose time the meter gave as <paramref name="meterLocalTime"/>: an unset clock (year 2000)
    /// leaves measuredAt to the gateway (clockSource "gateway"); a drifted clock flags the reading.
    /// </summary>
    public async Task CommitAsync(MeterRecord record, DateTime meterLocalTime, ReadOnlyMemory<byte> raw, CancellationToken cancellationToken, string? model = null)
    {
        var placed = record with { MeasuredAt = MeterClock.ToInstant(meterLocalTime, settings.Zone) };
        switch (await committer.CommitAsync(placed, raw, cancellationToken, _clockFlags, model))
        {
            case OutboxAddResult.Added:
                Added++;
                break;
            case OutboxAddResult.Duplicate:
                Duplicates++;
                break;
            default:
                // Refused (outbox full): the committer counted and kept it; a later read of the memory retries it.
                break;
        }
    }
}
