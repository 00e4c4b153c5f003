using System.Globalization;
using CloudClinic.Contracts;
using CloudClinic.Edge.Devices;

namespace CloudClinic.Edge.Bluetooth.Sessions;

/// <summary>What every record of one GATT session shares: the meter, its clock check, the sink and the counts.</summary>
internal sealed class SessionContext(BleMeterIdentity meter, IBleRecordSink sink, BleMeterOptions options, TimeProvider timeProvider)
{
    public BleMeterIdentity Meter { get; } = meter;

    public BleMeterOptions Options { get; } = options;

    public TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>Meter minus gateway (Current Time read at connect); null when the meter has no readable clock.</summary>
    public TimeSpan? MeterClockOffset { get; set; }

    public bool ClockDrift { get; set; }

    public int Records { get; private set; }

    public int Rejected { get; private set; }

    public int CuffPressureIgnored { get; set; }

    /// <summary>The gateway's UTC offset, applied to the meter's offset-less wall clock.</summary>
    public TimeSpan MeterUtcOffset => TimeProvider.LocalTimeZone.GetUtcOffset(TimeProvider.GetUtcNow());

    public async ValueTask CommitAsync(MeterRecord reading, ushort? sequence, byte[] raw, CancellationToken cancellationToken)
    {
        var receivedAt = TimeProvider.GetLocalNow();
        // A measurement stamped in the future by more than the limit means a wrong meter clock even when the
        // meter has no Current Time characteristic to compare with.
        var fromFuture = reading.MeasuredAt is { } at && at - receivedAt > Options.ClockDriftLimit;
        var record = new BleMeterRecord
        {
            Meter = Meter,
            Reading = reading,
            Raw = raw,
            Sequence = sequence,
            ReceivedAt = receivedAt,
            ClockSource = reading.MeasuredAt is null ? ClockSources.Gateway : ClockSources.Meter,
            MeterClockOffset = MeterClockOffset,
            ClockDrift = ClockDrift || fromFuture,
            IdempotencyKey = IdempotencyKey(reading, sequence, receivedAt),
        };
        await sink.CommitAsync(record, cancellationToken).ConfigureAwait(false);
        Records++;
    }

    public async ValueTask RejectAsync(ushort characteristic, string reason, byte[] raw, ushort? sequence, CancellationToken cancellationToken)
    {
        var rejected = new BleRejectedValue
        {
            Meter = Meter,
            Characteristic = characteristic,
            Reason = reason,
            Raw = raw,
            Sequence = sequence,
            ReceivedAt = TimeProvider.GetLocalNow(),
        };
        await sink.RejectAsync(rejected, cancellationToken).ConfigureAwait(false);
        Rejected++;
    }

    private string IdempotencyKey(MeterRecord reading, ushort? sequence, DateTimeOffset receivedAt)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"ble-{Meter.Serial}-{reading.Kind}");
        if (sequence is { } s)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{prefix}-s{s}");
        }

        return reading.MeasuredAt is { } at
            ? string.Create(CultureInfo.InvariantCulture, $"{prefix}-t{at.DateTime:yyyyMMdd'T'HHmmss}")
            : string.Create(CultureInfo.InvariantCulture, $"{prefix}-rx{receivedAt.UtcDateTime:yyyyMMdd'T'HHmmssfff}");
    }
}
