using CloudClinic.Contracts;
using InfluxDB.Client;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Core.Exceptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudClinic.Storage.Influx;

/// <summary>
/// Readings in InfluxDB 2.x, 3.x, Cloud or 1.8+ over the v2 write API (DESIGN.md §4): InfluxDB.Client's
/// <c>WriteApiAsync</c> — it returns only after the server answered 204 and throws otherwise. (Its batching
/// <c>WriteApi</c> acknowledges nothing and reports failures only as events: data lost silently.) Reads are InfluxQL
/// over <c>/query</c> with the token, through the bucket's DBRP mapping. Status mapping as v1: 413 → TooLarge,
/// 400/422 → Rejected, everything else (401/403/404 included: a fixable configuration, never a reason to drop a
/// reading), timeouts and refused connections → Transient with the server's Retry-After.
/// </summary>
public sealed partial class InfluxV2ReadingStore : IReadingStore, IReadingStoreProbe, IDisposable
{
    private readonly InfluxDBClient _client;
    private readonly InfluxOptions _options;
    private readonly InfluxReadingQueries _queries;
    private readonly InfluxDailyQueries _daily;
    private readonly ILogger _logger;
    private volatile bool _checked;

    /// <param name="http">For the InfluxQL reads; its <see cref="HttpClient.Timeout"/> is the per-request timeout.</param>
    public InfluxV2ReadingStore(HttpClient http, InfluxOptions options, ILogger<InfluxV2ReadingStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _client = new InfluxDBClient(new InfluxDBClientOptions(options.Url)
        {
            Token = options.Token,
            Org = options.Org,
            Bucket = options.Bucket,
            Timeout = options.Timeout,
        });
        var api = new InfluxHttpApi(http, options, TimeProvider.System);
        _queries = new InfluxReadingQueries(api);
        _daily = new InfluxDailyQueries(api);
        _logger = logger ?? NullLogger<InfluxV2ReadingStore>.Instance;
    }

    /// <summary>Checks that the bucket exists (a v2 store does not create buckets: that needs an org-admin token).</summary>
    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        if (_checked)
        {
            return;
        }

        var bucket = await CallAsync(() => _client.GetBucketsApi().FindBucketByNameAsync(_options.Bucket, ct), "bucket lookup", ct);
        if (bucket is null)
        {
            throw new ReadingStoreException(
                ReadingStoreFailure.Transient,
                $"InfluxDB bucket '{_options.Bucket}' not found at {_options.Url} (org '{_options.Org}'); create it, readings wait on the broker");
        }

        _checked = true;
        LogBucketReady(_logger, _options.Bucket!, _options.Url);
    }

    public async Task WriteAsync(IReadOnlyList<ReadingMessage> readings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.Count == 0)
        {
            return;
        }

        string body;
        try
        {
            body = ReadingPoints.ToLineProtocol(readings);
        }
        catch (ArgumentException ex)
        {
            throw new ReadingStoreException(ReadingStoreFailure.Rejected, $"reading cannot be stored in InfluxDB: {ex.Message}", ex);
        }

        await EnsureCreatedAsync(ct);
        await CallAsync(
            async () =>
            {
                await _client.GetWriteApiAsync().WriteRecordsAsync([body], WritePrecision.Ms, _options.Bucket, _options.Org, ct);
                return true;
            },
            $"write of {readings.Count} points",
            ct);
    }

    public async Task<string?> ProbeAsync(CancellationToken ct)
    {
        try
        {
            return await _client.PingAsync().WaitAsync(ct) ? null : $"InfluxDB /ping at {_options.Url} failed";
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return $"InfluxDB /ping at {_options.Url} failed: {ex.Message}";
        }
    }

    public Task<IReadOnlyList<ReadingMessage>> LatestAsync(string clinicId, int limit, CancellationToken ct) =>
        _queries.LatestAsync(clinicId, limit, ct);

    public Task<IReadOnlyList<ReadingMessage>> ForPatientAsync(string patientId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        _queries.ForPatientAsync(patientId, from, to, ct);

    public Task<IReadOnlyList<DailyBloodPressure>> DailyBloodPressureAsync(string patientId, LocalDayRange days, CancellationToken ct) =>
        _daily.BloodPressureAsync(patientId, days, ct);

    public Task<IReadOnlyList<DailyGlucose>> DailyGlucoseAsync(string patientId, LocalDayRange days, CancellationToken ct) =>
        _daily.GlucoseAsync(patientId, days, ct);

    public Task<IReadOnlyList<PatientLatestReadings>> LatestPerPatientAsync(string clinicId, CancellationToken ct) =>
        _queries.LatestPerPatientAsync(clinicId, ct);

    public Task<IReadOnlyList<ClinicDayCount>> DailyCountsAsync(string clinicId, LocalDayRange days, CancellationToken ct) =>
        _daily.CountsAsync(clinicId, days, ct);

    public Task<IReadOnlyList<ReadingMessage>> UnassignedAsync(string clinicId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken ct) =>
        _queries.UnassignedAsync(clinicId, from, to, limit, ct);

    /// <summary>
    /// Not with this dialect: re-keying needs a delete of the unassigned point, and this store speaks only the v2 write
    /// API and InfluxQL reads (no server here answers /api/v2/delete to test one against). Readings stay unassigned and
    /// listed, nothing is lost; the dashboard answers 501 with this message.
    /// </summary>
    public Task<ReadingAssignment> AssignAsync(string clinicId, string readingId, string patientId, CancellationToken ct) =>
        Task.FromException<ReadingAssignment>(new NotSupportedException(
            "assigning readings to patients is not supported by the InfluxDB v2 reading store (Influx:Dialect=v2); use Influx:Dialect=v1 against InfluxDB 1.x, or the SQLite store"));

    public void Dispose() => _client.Dispose();

    /// <summary>Runs a client call and turns its exceptions into <see cref="ReadingStoreException"/> kinds.</summary>
    private async Task<T> CallAsync<T>(Func<Task<T>> call, string what, CancellationToken ct)
    {
        try
        {
            return await call();
        }
        catch (HttpException ex)
        {
            throw ex.Status switch
            {
                413 => new ReadingStoreException(ReadingStoreFailure.TooLarge, $"InfluxDB refused the {what} as too large: {ex.Message}", ex),
                400 or 422 => new ReadingStoreException(ReadingStoreFailure.Rejected, $"InfluxDB rejected the {what}: {ex.Message}", ex),
                _ => new ReadingStoreException(
                    ReadingStoreFailure.Transient,
                    $"InfluxDB {what} answered {(ex.Status == 0 ? "nothing" : ex.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))}: {ex.Message}",
                    ex,
                    ex.RetryAfter is int seconds and > 0 ? TimeSpan.FromSeconds(seconds) : null),
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or InfluxException or IOException
                                       || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new ReadingStoreException(ReadingStoreFailure.Transient, $"InfluxDB at {_options.Url} failed the {what}: {ex.Message}", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "InfluxDB bucket {Bucket} ready at {Url}")]
    private static partial void LogBucketReady(ILogger logger, string bucket, string url);
}
