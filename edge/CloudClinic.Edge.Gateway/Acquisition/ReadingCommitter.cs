using CloudClinic.Contracts;
using CloudClinic.Edge.Devices;
using CloudClinic.Edge.Gateway.CheckIn;
using CloudClinic.Edge.Gateway.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CloudClinic.Edge.Gateway.Acquisition;

/// <summary>
/// The end every station driver shares: a parsed record becomes a wire reading committed to the outbox (retrying until
/// it is on disk), and a frame that cannot be used is counted, logged with its reason and kept with its bytes. When
/// the outbox budget is reached the reading is counted as refused and its bytes kept as "outbox full" if that fits.
/// </summary>
internal sealed partial class ReadingCommitter(
    ReadingSource source,
    OutboxStore outbox,
    RejectedFrameStore rejectedFrames,
    AcquisitionCounters counters,
    CheckInService checkIn,
    TimeProvider timeProvider,
    ILogger logger)
{
    private static readonly TimeSpan CommitRetryMin = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan CommitRetryMax = TimeSpan.FromSeconds(10);
    private const string OutboxFullReason = "outbox full";

    public ReadingSource Source => source;

    public string Station => source.Station ?? "?";

    /// <param name="raw">The frame the record came from, kept if the outbox refuses the reading.</param>
    /// <param name="model">The model the meter reported, when it does (else the station's).</param>
    /// <param name="readingId">The driver's own deterministic key, when it has one (BLE); else <see cref="ReadingIdentity"/>.</param>
    public async Task<OutboxAddResult> CommitAsync(
        MeterRecord record,
        ReadOnlyMemory<byte> raw,
        CancellationToken cancellationToken,
        IReadOnlyList<string>? extraFlags = null,
        string? model = null,
        string? readingId = null)
    {
        var reading = WithCheckedInPatient(ReadingMapper.Map(record, model is null ? source : source with { Model = model }, timeProvider.GetUtcNow(), extraFlags, readingId));
        var result = await AddAsync(reading, cancellationToken);
        switch (result)
        {
            case OutboxAddResult.Added:
                counters.Committed();
                LogCommitted(logger, Station, reading.ReadingId, reading.Kind);
                break;
            case OutboxAddResult.Duplicate:
                counters.Duplicate();
                LogDuplicate(logger, Station, reading.ReadingId);
                break;
            default:
                counters.Refused();
                LogRefused(logger, Station, reading.ReadingId);
                Keep(raw.Span, OutboxFullReason);
                break;
        }

        return result;
    }

    /// <summary>
    /// The patient checked in at this station when the reading arrived (DESIGN.md §5), else unassigned. The patient is
    /// not part of the reading id, so a record read again after the session keeps the patient it was first stored
    /// with. A control-solution test belongs to no patient.
    /// </summary>
    private ReadingMessage WithCheckedInPatient(ReadingMessage reading) =>
        source.Station is { } station
        && !reading.Flags.Contains(ReadingFlags.ControlSolution)
        && checkIn.PatientFor(station, reading.MeasuredAt, reading.ReceivedAt) is { } patientId
            ? reading with { PatientId = patientId }
            : reading;

    public void Reject(ReadOnlySpan<byte> raw, string reason)
    {
        counters.Rejected();
        LogRejected(logger, Station, reason, Convert.ToHexString(raw[..Math.Min(raw.Length, 48)]));
        Keep(raw, reason);
    }

    /// <summary>Retries until the row is on disk: dropping a parsed reading because the disk hiccuped is not an option.</summary>
    private async Task<OutboxAddResult> AddAsync(ReadingMessage reading, CancellationToken cancellationToken)
    {
        var delay = CommitRetryMin;
        while (true)
        {
            try
            {
                return outbox.TryAdd(reading);
            }
            catch (SqliteException ex)
            {
                LogCommitFailed(logger, ex, Station, reading.ReadingId, delay.TotalSeconds);
                await Task.Delay(delay, timeProvider, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, CommitRetryMax.Ticks));
            }
        }
    }

    private void Keep(ReadOnlySpan<byte> raw, string reason)
    {
        try
        {
            if (!rejectedFrames.Add(Station, reason, raw))
            {
                counters.RejectedNotKept();
                LogRejectedOverBudget(logger, Station, reason);
            }
        }
        catch (SqliteException ex)
        {
            LogRejectedNotKept(logger, ex, Station);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Station {Station}: committed {Kind} reading {ReadingId} to the outbox")]
    private static partial void LogCommitted(ILogger logger, string station, string readingId, string kind);

    // Debug: a meter whose memory is re-read on every poll repeats every stored record.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Station {Station}: reading {ReadingId} is already in the outbox (read twice); kept once")]
    private static partial void LogDuplicate(ILogger logger, string station, string readingId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Station {Station}: frame rejected: {Reason} (bytes {RawHex})")]
    private static partial void LogRejected(ILogger logger, string station, string reason, string rawHex);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Station {Station}: reading {ReadingId} refused: outbox full (the outbox logs a rate-limited warning)")]
    private static partial void LogRefused(ILogger logger, string station, string readingId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Station {Station}: rejected frame ({Reason}) counted but not kept: outbox budget reached")]
    private static partial void LogRejectedOverBudget(ILogger logger, string station, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Station {Station}: could not keep a rejected frame in the outbox database")]
    private static partial void LogRejectedNotKept(ILogger logger, Exception exception, string station);

    [LoggerMessage(Level = LogLevel.Error, Message = "Station {Station}: could not commit reading {ReadingId}; retrying in {DelaySeconds} s")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception, string station, string readingId, double delaySeconds);
}
