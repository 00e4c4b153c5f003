using System.Net;
using System.Text;
using CloudClinic.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudClinic.Storage.Influx;

/// <summary>
/// Readings in InfluxDB over the v1 HTTP API (DESIGN.md §4): <c>POST /write?precision=ms</c> with line protocol,
/// InfluxQL over <c>/query</c> for reads. Works with every InfluxDB from 1.x on (CI runs Debian's 1.6.7).
/// Status mapping: 204 = durable; 413 → TooLarge; 400/422 → Rejected with InfluxDB's error text; 404 (database
/// gone) → create it again, Transient; anything else, timeouts and refused connections → Transient.
/// </summary>
public sealed partial class InfluxV1ReadingStore : IReadingStore, IReadingStoreProbe
{
    private readonly InfluxHttpApi _api;
    private readonly InfluxReadingQueries _queries;
    private readonly InfluxDailyQueries _daily;
    private readonly InfluxReadingAssigner _assigner;
    private readonly InfluxOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _createLock = new(1, 1);
    private volatile bool _created;

    /// <param name="http">Its <see cref="HttpClient.Timeout"/> is the per-request timeout; the store does not dispose it.</param>
    /// <param name="time">For HTTP-date <c>Retry-After</c> hints; the system clock when null.</param>
    public InfluxV1ReadingStore(HttpClient http, InfluxOptions options, ILogger<InfluxV1ReadingStore>? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _api = new InfluxHttpApi(http, options, time ?? TimeProvider.System);
        _queries = new InfluxReadingQueries(_api);
        _daily = new InfluxDailyQueries(_api);
        _assigner = new InfluxReadingAssigner(_api, _queries, WriteAsync);
        _logger = logger ?? NullLogger<InfluxV1ReadingStore>.Instance;
    }

    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        if (_created)
        {
            return;
        }

        await _createLock.WaitAsync(ct);
        try
        {
            if (!_created)
            {
                await CreateDatabaseAsync(ct);
                _created = true;
            }
        }
        finally
        {
            _createLock.Release();
        }
    }

    public async Task WriteAsync(IReadOnlyList<ReadingMessage> readings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.Count == 0)
        {
            return;
        }

        // Disposed (its pooled segments returned) when this method ends: after SendAsync, which disposes the request and
        // its content and within which HttpClient makes every serialization of the body, re-sends included.
        using var body = ToBody(readings);
        await EnsureCreatedAsync(ct);
        var url = $"write?db={Uri.EscapeDataString(_options.Database)}&precision=ms"
                  + (_options.RetentionPolicy is { } rp ? $"&rp={Uri.EscapeDataString(rp)}" : string.Empty);
        using var response = await _api.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new LineProtocolContent(body),
        }, ct);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return;
        }

        var error = await InfluxHttpApi.ErrorTextAsync(response, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            // "database not found": someone dropped it. Create it again before the retry.
            _created = false;
        }

        throw response.StatusCode switch
        {
            HttpStatusCode.RequestEntityTooLarge =>
                new ReadingStoreException(ReadingStoreFailure.TooLarge, $"InfluxDB refused {readings.Count} points as too large: {error}"),
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity =>
                new ReadingStoreException(ReadingStoreFailure.Rejected, $"InfluxDB rejected the write: {error}"),
            _ => new ReadingStoreException(
                ReadingStoreFailure.Transient,
                $"InfluxDB write answered {(int)response.StatusCode}: {error}",
                retryAfter: _api.RetryAfter(response)),
        };
    }

    public async Task<string?> ProbeAsync(CancellationToken ct)
    {
        try
        {
            using var response = await _api.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "ping"), ct);
            return response.StatusCode == HttpStatusCode.NoContent
                ? null
                : $"InfluxDB /ping at {_api.BaseUrl} answered {(int)response.StatusCode}";
        }
        catch (ReadingStoreException ex)
        {
            return ex.Message;
        }
    }

    public async Task<IReadOnlyList<ReadingMessage>> LatestAsync(string clinicId, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clinicId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await EnsureCreatedAsync(ct);
        return await _queries.LatestAsync(clinicId, limit, ct);
    }

    public async Task<IReadOnlyList<ReadingMessage>> ForPatientAsync(string patientId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(patientId);
        await EnsureCreatedAsync(ct);
        return await _queries.ForPatientAsync(patientId, from, to, ct);
    }

    public async Task<IReadOnlyList<DailyBloodPressure>> DailyBloodPressureAsync(string patientId, LocalDayRange days, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(patientId);
        ArgumentNullException.ThrowIfNull(days);
        await EnsureCreatedAsync(ct);
        return await _daily.BloodPressureAsync(patientId, days, ct);
    }

    public async Task<IReadOnlyList<DailyGlucose>> DailyGlucoseAsync(string patientId, LocalDayRange days, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(patientId);
        ArgumentNullException.ThrowIfNull(days);
        await EnsureCreatedAsync(ct);
        return await _daily.GlucoseAsync(patientId, days, ct);
    }

    public async Task<IReadOnlyList<PatientLatestReadings>> LatestPerPatientAsync(string clinicId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clinicId);
        await EnsureCreatedAsync(ct);
        return await _queries.LatestPerPatientAsync(clinicId, ct);
    }

    public async Task<IReadOnlyList<ClinicDayCount>> DailyCountsAsync(string clinicId, LocalDayRange days, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clinicId);
        ArgumentNullException.ThrowIfNull(days);
        await EnsureCreatedAsync(ct);
        return await _daily.CountsAsync(clinicId, days, ct);
    }

    public async Task<IReadOnlyList<ReadingMessage>> UnassignedAsync(string clinicId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clinicId);
        await EnsureCreatedAsync(ct);
        return await _queries.UnassignedAsync(clinicId, from, to, limit, ct);
    }

    public async Task<ReadingAssignment> AssignAsync(string clinicId, string readingId, string patientId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clinicId);
        ArgumentNullException.ThrowIfNull(readingId);
        ArgumentNullException.ThrowIfNull(patientId);
        await EnsureCreatedAsync(ct);
        return await _assigner.AssignAsync(clinicId, readingId, patientId, ct);
    }

    private static LineProtocolWriter ToBody(IReadOnlyList<ReadingMessage> readings)
    {
        try
        {
            return ReadingPoints.ToWriter(readings);
        }
        catch (ArgumentException ex)
        {
            throw new ReadingStoreException(ReadingStoreFailure.Rejected, $"reading cannot be stored in InfluxDB: {ex.Message}", ex);
        }
    }

    private async Task CreateDatabaseAsync(CancellationToken ct)
    {
        try
        {
            using var created = await _api.QueryAsync($"CREATE DATABASE {InfluxQl.Identifier(_options.Database)}", HttpMethod.Post, ct);
            InfluxQueryResults.ThrowIfError(created.RootElement);
            LogDatabaseReady(_logger, _options.Database, _api.BaseUrl);
            if (_options.RetentionPolicy is { } retentionPolicy)
            {
                await CreateRetentionPolicyAsync(retentionPolicy, ct);
            }
        }
        catch (ReadingStoreException ex) when (ex.Kind == ReadingStoreFailure.Rejected)
        {
            // A non-admin user may not CREATE DATABASE; that is fine when the database already exists.
            using var probe = await _api.QueryAsync("SHOW MEASUREMENTS LIMIT 1", HttpMethod.Get, ct);
            InfluxQueryResults.ThrowIfError(probe.RootElement);
            LogDatabaseExists(_logger, _options.Database, ex.Message);
        }
    }

    /// <summary>
    /// Creates the configured retention policy as the database's default. One that already exists with other settings
    /// is kept as it is and reported: shortening a policy deletes readings, so that is an operator's decision, never
    /// the ingest's. Readings older than a finite policy are refused by InfluxDB ("points beyond retention policy")
    /// and end up as dead letters with that reason, not dropped.
    /// </summary>
    private async Task CreateRetentionPolicyAsync(string retentionPolicy, CancellationToken ct)
    {
        var statement = $"CREATE RETENTION POLICY {InfluxQl.Identifier(retentionPolicy)} ON {InfluxQl.Identifier(_options.Database)} "
                        + $"DURATION {_options.RetentionDuration} REPLICATION 1 DEFAULT";
        using var created = await _api.QueryAsync(statement, HttpMethod.Post, ct);
        var error = InfluxQueryResults.FirstError(created.RootElement);
        if (error is null)
        {
            LogRetentionPolicyReady(_logger, retentionPolicy, _options.RetentionDuration);
        }
        else if (error.Contains("already exists", StringComparison.Ordinal))
        {
            LogRetentionPolicyKept(_logger, retentionPolicy, _options.Database, _options.RetentionDuration);
        }
        else
        {
            throw new ReadingStoreException(ReadingStoreFailure.Rejected, $"InfluxDB refused retention policy '{retentionPolicy}': {error}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "InfluxDB retention policy {RetentionPolicy} ({Duration}) is the default")]
    private static partial void LogRetentionPolicyReady(ILogger logger, string retentionPolicy, string duration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "InfluxDB retention policy {RetentionPolicy} on {Database} exists with settings other than DURATION {Duration}; kept unchanged (change it by hand if intended)")]
    private static partial void LogRetentionPolicyKept(ILogger logger, string retentionPolicy, string database, string duration);

    [LoggerMessage(Level = LogLevel.Information, Message = "InfluxDB database {Database} ready at {Url}")]
    private static partial void LogDatabaseReady(ILogger logger, string database, Uri url);

    [LoggerMessage(Level = LogLevel.Information, Message = "InfluxDB database {Database} exists; could not create it: {Reason}")]
    private static partial void LogDatabaseExists(ILogger logger, string database, string reason);
}
