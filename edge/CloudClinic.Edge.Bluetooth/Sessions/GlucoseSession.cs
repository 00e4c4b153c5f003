using System.Globalization;
using CloudClinic.Edge.Bluetooth.Gatt;
using CloudClinic.Edge.Devices.Glucose;
using Microsoft.Extensions.Logging;

namespace CloudClinic.Edge.Bluetooth.Sessions;

/// <summary>
/// Glucose Profile collector (GLP 1.0 §4.9): notifications on Glucose Measurement 0x2A18 and Context 0x2A34,
/// indications on the Record Access Control Point 0x2A52; asks for "records with sequence ≥ last stored + 1" (all
/// records the first time). A measurement that announces a context (flag bit 4) waits for the context with its
/// sequence, which the meter sends right after it. Each record is committed, then the cursor moves to its sequence:
/// a transfer cut by a disconnect resumes after the last commit, so nothing is lost and nothing asked for twice.
/// </summary>
internal sealed class GlucoseSession(GattLink link, SessionContext context, IRacpCursorStore cursor, ILogger logger)
{
    private (GlucoseMeasurement Measurement, byte[] Raw)? _pending;
    private ushort? _last;

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var measurement = link.Require(GlucoseMeasurementParser.CharacteristicUuid);
        var racp = link.Require(RecordAccessControlPoint.CharacteristicUuid);
        await link.StartNotifyAsync(measurement).ConfigureAwait(false);
        if (link.Find(GlucoseContextParser.CharacteristicUuid) is { } contextCharacteristic)
        {
            await link.StartNotifyAsync(contextCharacteristic).ConfigureAwait(false);
        }

        await link.StartNotifyAsync(racp).ConfigureAwait(false);
        _last = await cursor.GetLastSequenceAsync(context.Meter.Address, cancellationToken).ConfigureAwait(false);
        // 16-bit sequences: after 65535 there is no "≥ last + 1", so ask for everything; idempotency keys absorb it.
        var request = _last is { } last && last < ushort.MaxValue
            ? RecordAccessControlPoint.ReportFromSequence((ushort)(last + 1))
            : RecordAccessControlPoint.ReportAll();
        Log.RacpRequest(logger, context.Meter.Address, Convert.ToHexString(request), _last?.ToString(CultureInfo.InvariantCulture) ?? "none");
        await link.WriteAsync(racp, request).ConfigureAwait(false);

        while (true)
        {
            var next = await link.NextAsync(context.Options.RecordTimeout, cancellationToken).ConfigureAwait(false);
            switch (next.Kind)
            {
                case GattEventKind.Disconnected:
                    throw new BleSessionException($"the meter disconnected during the transfer after {context.Records} records (resuming after sequence {_last?.ToString(CultureInfo.InvariantCulture) ?? "none"})");
                case GattEventKind.Timeout:
                    throw new BleSessionException($"no record or RACP response for {context.Options.RecordTimeout}");
                case GattEventKind.Value when next.Characteristic == GlucoseMeasurementParser.CharacteristicUuid:
                    await OnMeasurementAsync(next.Value, cancellationToken).ConfigureAwait(false);
                    break;
                case GattEventKind.Value when next.Characteristic == GlucoseContextParser.CharacteristicUuid:
                    await OnContextAsync(next.Value, cancellationToken).ConfigureAwait(false);
                    break;
                case GattEventKind.Value when next.Characteristic == RecordAccessControlPoint.CharacteristicUuid:
                    if (await OnRacpAsync(next.Value, cancellationToken).ConfigureAwait(false) is { } done)
                    {
                        return done;
                    }

                    break;
            }
        }
    }

    private async Task OnMeasurementAsync(byte[] raw, CancellationToken cancellationToken)
    {
        // The meter sends a context right after its measurement: a new measurement means none is coming.
        await FlushPendingAsync(null, cancellationToken).ConfigureAwait(false);
        if (!GlucoseMeasurementParser.TryParse(raw, out var m, out var error))
        {
            await RejectAsync(GlucoseMeasurementParser.CharacteristicUuid, error, raw, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (m.ContextFollows)
        {
            _pending = (m, raw);
            return;
        }

        await CommitAsync(m, raw, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task OnContextAsync(byte[] raw, CancellationToken cancellationToken)
    {
        if (!GlucoseContextParser.TryParse(raw, out var c, out var error))
        {
            await RejectAsync(GlucoseContextParser.CharacteristicUuid, error, raw, null, cancellationToken).ConfigureAwait(false);
            await FlushPendingAsync(null, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (_pending is { } p && p.Measurement.Sequence == c.Sequence)
        {
            await FlushPendingAsync(c, cancellationToken).ConfigureAwait(false);
            return;
        }

        Log.OrphanContext(logger, context.Meter.Address, c.Sequence);
    }

    private async Task<string?> OnRacpAsync(byte[] raw, CancellationToken cancellationToken)
    {
        if (!RecordAccessControlPoint.TryParseResponse(raw, out var response, out var error))
        {
            throw new BleSessionException($"unreadable RACP response {Convert.ToHexString(raw)}: {error}");
        }

        if (response.NumberOfRecords is not null)
        {
            return null;
        }

        if (!response.CompletedNormally)
        {
            throw new BleSessionException($"RACP answered {response.Code} to op 0x{response.RequestOpCode:X2}");
        }

        // The last record's context (if any) came before the response; nothing else belongs to the transfer.
        await FlushPendingAsync(null, cancellationToken).ConfigureAwait(false);
        return response.Code == RecordAccessResponseCode.NoRecordsFound ? "RACP: no new records" : "RACP: transfer complete";
    }

    private async Task FlushPendingAsync(GlucoseContext? glucoseContext, CancellationToken cancellationToken)
    {
        if (_pending is not { } p)
        {
            return;
        }

        _pending = null;
        await CommitAsync(p.Measurement, p.Raw, glucoseContext, cancellationToken).ConfigureAwait(false);
    }

    private async Task CommitAsync(GlucoseMeasurement m, byte[] raw, GlucoseContext? glucoseContext, CancellationToken cancellationToken)
    {
        if (m.TryToRecord(context.Meter.Serial, context.MeterUtcOffset, glucoseContext, out var record, out var error))
        {
            await context.CommitAsync(record, m.Sequence, raw, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await RejectAsync(GlucoseMeasurementParser.CharacteristicUuid, error, raw, m.Sequence, cancellationToken).ConfigureAwait(false);
        }

        // Committed or dead-lettered: either way it is kept, so the next sync starts after it.
        _last = m.Sequence;
        await cursor.SetLastSequenceAsync(context.Meter.Address, m.Sequence, cancellationToken).ConfigureAwait(false);
    }

    private async Task RejectAsync(ushort characteristic, string reason, byte[] raw, ushort? sequence, CancellationToken cancellationToken)
    {
        Log.Rejected(logger, context.Meter.Address, characteristic, reason);
        await context.RejectAsync(characteristic, reason, raw, sequence, cancellationToken).ConfigureAwait(false);
    }
}
