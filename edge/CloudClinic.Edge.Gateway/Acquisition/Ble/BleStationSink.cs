using System.Globalization;
using CloudClinic.Edge.Bluetooth;
using CloudClinic.Edge.Gateway.Outbox;
using CloudClinic.Edge.Gateway.Status;
using Microsoft.Extensions.Logging;

namespace CloudClinic.Edge.Gateway.Acquisition.Ble;

/// <summary>
/// A BLE station's end of the driver (IBleRecordSink → <see cref="ReadingCommitter"/>): each record becomes a wire
/// reading (transport <c>ble</c>, the driver's idempotency key as readingId, <c>clockDrift</c> when the meter's clock
/// is off) committed to the outbox before the driver moves on; an undecodable value is kept as a rejected frame with
/// its reason. Control-solution tests keep their <c>controlSolution</c> flag, as from the serial meters: the cloud
/// never stores them as patient data (DESIGN.md §3). The board shows connected while a GATT session runs.
/// </summary>
internal sealed partial class BleStationSink(ReadingCommitter committer, GatewayStatusBoard board, ILogger logger) : IBleRecordSink
{
    private string Station => committer.Station;

    public async ValueTask CommitAsync(BleMeterRecord record, CancellationToken cancellationToken)
    {
        IReadOnlyList<string>? flags = record.ClockDrift ? [GatewayReadingFlags.ClockDrift] : null;
        var result = await committer.CommitAsync(record.Reading, record.Raw, cancellationToken, flags, record.Meter.Model, record.IdempotencyKey);
        if (result == OutboxAddResult.Refused && record.Sequence is { } sequence)
        {
            // The outbox is full. A glucose record stays in the meter: failing the session keeps the RACP cursor before
            // it, so the record is asked for again after the back-off (a BP indication cannot be asked for again: the
            // committer kept its bytes as "outbox full").
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"outbox full: glucose record {sequence} left in the meter for the next sync"));
        }
    }

    public ValueTask RejectAsync(BleRejectedValue rejected, CancellationToken cancellationToken)
    {
        var sequence = rejected.Sequence is { } s ? string.Create(CultureInfo.InvariantCulture, $" (record {s})") : string.Empty;
        committer.Reject(rejected.Raw.Span, string.Create(CultureInfo.InvariantCulture, $"0x{rejected.Characteristic:X4}{sequence}: {rejected.Reason}"));
        return ValueTask.CompletedTask;
    }

    public ValueTask SessionStartedAsync(BleMeterIdentity meter, CancellationToken cancellationToken)
    {
        LinkEvents.LogConnected(logger, Station);
        board.SetStation(Station, connected: true, lastError: null);
        return ValueTask.CompletedTask;
    }

    public ValueTask SessionEndedAsync(BleSessionResult result, CancellationToken cancellationToken)
    {
        // A BLE meter is connected only for a session: between sessions the station is idle, not faulty.
        if (result.Completed)
        {
            LogSessionEnded(logger, Station, result.Records, result.Rejected, result.Detail ?? "-");
            board.SetStation(Station, connected: false, lastError: null);
        }
        else
        {
            var reason = result.Detail ?? "session failed";
            LinkEvents.LogConnectFailed(logger, Station, reason);
            board.SetStation(Station, connected: false, lastError: reason);
        }

        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Station {Station}: BLE session ended: {Records} records, {Rejected} rejected ({Detail})")]
    private static partial void LogSessionEnded(ILogger logger, string station, int records, int rejected, string detail);
}
