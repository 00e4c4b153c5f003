using CloudClinic.Edge.Gateway.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway.Outbox;

/// <summary>
/// The outbox's disk budget (<c>Edge:OutboxBudgetBytes</c>, DESIGN.md §5): "when the disk budget is reached the
/// gateway refuses new records and raises an alarm — it never overwrites old ones". Measures the SQLite file (pages
/// in use; free pages are reused before the file grows) plus its WAL, and holds the alarm while readings are refused.
/// Every method that takes a connection runs under <see cref="OutboxDatabase.Use{T}"/>'s lock.
/// </summary>
internal sealed partial class OutboxBudget(
    OutboxDatabase database,
    IOptions<EdgeOptions> options,
    TimeProvider timeProvider,
    ILogger<OutboxBudget> logger)
{
    /// <summary>One commit may split a table page and two index pages and touch an interior page.</summary>
    private const int HeadroomPages = 4;

    private static readonly TimeSpan RepeatWarningEvery = TimeSpan.FromMinutes(1);
    private readonly long _budgetBytes = options.Value.OutboxBudgetBytes;
    private readonly Lock _gate = new();
    private string? _alarm;
    private long _refused;
    private long _refusedAtLastWarning;
    private long _lastRefusedBytes;
    private DateTimeOffset _lastWarningAt;

    /// <summary>Raised when the alarm is raised or cleared.</summary>
    public event Action? Changed;

    public long BudgetBytes => _budgetBytes;

    /// <summary>"outbox full: …" while readings are refused; null otherwise.</summary>
    public string? Alarm => Volatile.Read(ref _alarm);

    /// <summary>Readings refused because the budget was reached, since start.</summary>
    public long RefusedCount => Interlocked.Read(ref _refused);

    /// <summary>Bytes the outbox uses now: pages in use × page size plus the WAL file.</summary>
    public long MeasureUsedBytes(SqliteConnection connection)
    {
        var pageSize = Pragma(connection, "page_size");
        var pages = Pragma(connection, "page_count") - Pragma(connection, "freelist_count");
        var wal = new FileInfo(database.FilePath + "-wal");
        return (pages * pageSize) + (wal.Exists ? wal.Length : 0);
    }

    /// <summary>
    /// True when a row of <paramref name="bytes"/> fits. Before saying no the WAL is checkpointed and truncated: a log
    /// waiting for its checkpoint is not a reason to refuse a reading.
    /// </summary>
    public bool Fits(SqliteConnection connection, long bytes, out long usedBytes)
    {
        var needed = bytes + (HeadroomPages * Pragma(connection, "page_size"));
        usedBytes = MeasureUsedBytes(connection);
        if (usedBytes + needed <= _budgetBytes)
        {
            return true;
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            command.ExecuteNonQuery();
        }

        usedBytes = MeasureUsedBytes(connection);
        return usedBytes + needed <= _budgetBytes;
    }

    /// <summary>Counts a refused reading, raises the alarm on the first one and warns at most once a minute.</summary>
    public void Refuse(long readingBytes, long usedBytes)
    {
        Interlocked.Exchange(ref _lastRefusedBytes, readingBytes);
        var refused = Interlocked.Increment(ref _refused);
        var now = timeProvider.GetUtcNow();
        var raised = false;
        lock (_gate)
        {
            if (_alarm is null)
            {
                Volatile.Write(ref _alarm, $"outbox full: {usedBytes} bytes of budget {_budgetBytes}; refusing new readings");
                (raised, _lastWarningAt, _refusedAtLastWarning) = (true, now, refused);
                LogFull(logger, usedBytes, _budgetBytes);
            }
            else if (now - _lastWarningAt >= RepeatWarningEvery)
            {
                LogStillFull(logger, refused - _refusedAtLastWarning, usedBytes, _budgetBytes);
                (_lastWarningAt, _refusedAtLastWarning) = (now, refused);
            }
        }

        if (raised)
        {
            Changed?.Invoke();
        }
    }

    /// <summary>After rows were deleted: clears the alarm once a reading like the last refused one fits again.</summary>
    public void Recheck(SqliteConnection connection)
    {
        if (Alarm is null || !Fits(connection, Interlocked.Read(ref _lastRefusedBytes), out var usedBytes))
        {
            return;
        }

        lock (_gate)
        {
            if (_alarm is null)
            {
                return;
            }

            Volatile.Write(ref _alarm, null);
            LogRecovered(logger, usedBytes, _budgetBytes, RefusedCount);
        }

        Changed?.Invoke();
    }

    private static long Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return (long)command.ExecuteScalar()!;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox full: {UsedBytes} bytes of budget {BudgetBytes} (Edge:OutboxBudgetBytes); refusing new readings, keeping every stored one")]
    private static partial void LogFull(ILogger logger, long usedBytes, long budgetBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox still full: {Refused} more readings refused; {UsedBytes} bytes of budget {BudgetBytes}")]
    private static partial void LogStillFull(ILogger logger, long refused, long usedBytes, long budgetBytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox has room again: {UsedBytes} bytes of budget {BudgetBytes}; accepting readings ({Refused} refused since start)")]
    private static partial void LogRecovered(ILogger logger, long usedBytes, long budgetBytes, long refused);
}
