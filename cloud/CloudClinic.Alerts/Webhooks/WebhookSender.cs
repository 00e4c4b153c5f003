using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CloudClinic.Alerts.Webhooks;

/// <summary>
/// Posts one robot message with retries (Polly: exponential backoff with jitter, a receiver's Retry-After honoured up
/// to <see cref="WebhookOptions.MaxRetryDelay"/>, a timeout per attempt) and writes every attempt to
/// <c>webhook_deliveries</c>; the last one is marked final, so a webhook that never took the message is a visible row.
/// </summary>
internal sealed partial class WebhookSender
{
    public const string HttpClientName = "cloudclinic-webhooks";
    private const int MaxErrorLength = 500;
    private const int MaxBodyChars = 4096;

    private readonly IHttpClientFactory _http;
    private readonly RegistryDatabase _database;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookSender> _logger;
    private readonly WebhookOptions _options;
    private readonly ResiliencePipeline<WebhookAttempt> _pipeline;

    public WebhookSender(IHttpClientFactory http, RegistryDatabase database, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookSender> logger)
    {
        _http = http;
        _database = database;
        _time = time;
        _logger = logger;
        _options = options.Value;
        _pipeline = new ResiliencePipelineBuilder<WebhookAttempt> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<WebhookAttempt>
            {
                MaxRetryAttempts = _options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryDelay,
                MaxDelay = _options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: TimeoutRejectedException } => true,
                    { Result.Retryable: true } => true,
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter is { } wait
                    ? (TimeSpan?)TimeSpan.FromTicks(Math.Min(wait.Ticks, _options.MaxRetryDelay.Ticks))
                    : null),
                OnRetry = args => new ValueTask(LogAttemptAsync(args.Context, Describe(args.Outcome), final: false)),
            })
            .AddTimeout(_options.AttemptTimeout)
            .Build();
    }

    /// <summary>Delivers one event to one webhook; true when the receiver took it.</summary>
    public async Task<bool> DeliverAsync(WebhookSubscription subscription, AlertOutboxEntry entry, byte[] body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(entry);
        var delivery = new DeliveryState(subscription, entry, body, ct);
        await using (var db = _database.CreateContext())
        {
            // After a restart the attempt numbers carry on from the log.
            delivery.PreviousAttempts = await db.WebhookDeliveries.CountAsync(d => d.SubscriptionId == subscription.Id && d.OutboxEntryId == entry.Id, ct);
        }

        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(DeliveryKey, delivery);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, sender) => await sender.AttemptAsync(ctx).ConfigureAwait(false), context, this);
            ct.ThrowIfCancellationRequested();
            var result = Describe(outcome);
            await LogAttemptAsync(context, result, final: true);
            if (!result.Succeeded)
            {
                LogDeliveryFailed(_logger, entry.AlertId, entry.Event, subscription.Id, delivery.Attempts, result.Error ?? result.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return result.Succeeded;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static readonly ResiliencePropertyKey<DeliveryState> DeliveryKey = new("cloudclinic.webhook.delivery");

    private async ValueTask<Outcome<WebhookAttempt>> AttemptAsync(ResilienceContext context)
    {
        var delivery = context.Properties.GetValue(DeliveryKey, null!);
        delivery.Attempts++;
        try
        {
            using var content = new ByteArrayContent(delivery.Body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            var client = _http.CreateClient(HttpClientName);
            using var response = await client.PostAsync(delivery.Subscription.Url, content, context.CancellationToken);
            return Outcome.FromResult(await ReadAsync(response, context.CancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Connection refused, DNS, TLS: retried like a 5xx.
            return Outcome.FromResult(WebhookAttempt.Failed(ex.Message));
        }
    }

    private async Task<WebhookAttempt> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            // WeCom and DingTalk answer 200 with {"errcode":N,"errmsg":…}; N ≠ 0 (bad key, 45009 rate limit) is a failure.
            var text = await response.Content.ReadAsStringAsync(ct);
            return RobotError(text) is { } error
                ? new WebhookAttempt(status, error, Succeeded: false, Retryable: true, RetryAfter: null)
                : new WebhookAttempt(status, null, Succeeded: true, Retryable: false, RetryAfter: null);
        }

        var retryable = response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || status >= 500;
        return new WebhookAttempt(status, $"HTTP {status} {response.ReasonPhrase}", Succeeded: false, retryable, RetryAfter(response.Headers.RetryAfter));
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static string? RobotError(string body)
    {
        if (body.Length is 0 or > MaxBodyChars)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("errcode", out var code) && code.TryGetInt64(out var errcode) && errcode != 0)
            {
                var message = json.RootElement.TryGetProperty("errmsg", out var m) ? m.ToString() : "";
                return $"errcode {errcode}: {message}";
            }
        }
        catch (JsonException)
        {
            // Not a robot API answer: a 2xx from any other receiver is success.
        }

        return null;
    }

    private static WebhookAttempt Describe(Outcome<WebhookAttempt> outcome) => outcome switch
    {
        { Result: { } result } => result,
        { Exception: TimeoutRejectedException ex } => WebhookAttempt.Failed($"timed out: {ex.Message}"),
        { Exception: { } ex } => WebhookAttempt.Failed(ex.Message),
        _ => WebhookAttempt.Failed("no outcome"),
    };

    private async Task LogAttemptAsync(ResilienceContext context, WebhookAttempt result, bool final)
    {
        var delivery = context.Properties.GetValue(DeliveryKey, null!);
        var error = result.Error is { Length: > MaxErrorLength } e ? e[..MaxErrorLength] : result.Error;
        await using var db = _database.CreateContext();
        db.WebhookDeliveries.Add(new WebhookDelivery
        {
            SubscriptionId = delivery.Subscription.Id,
            OutboxEntryId = delivery.Entry.Id,
            AlertId = delivery.Entry.AlertId,
            Event = delivery.Entry.Event,
            Attempt = delivery.PreviousAttempts + delivery.Attempts,
            At = _time.GetUtcNow(),
            StatusCode = result.StatusCode,
            Error = error,
            Succeeded = result.Succeeded,
            Final = final,
        });

        // The caller's token, not the attempt's: a timed-out attempt is still logged.
        await db.SaveChangesAsync(delivery.StoppingToken);
    }

    private sealed class DeliveryState(WebhookSubscription subscription, AlertOutboxEntry entry, byte[] body, CancellationToken stoppingToken)
    {
        public WebhookSubscription Subscription { get; } = subscription;

        public AlertOutboxEntry Entry { get; } = entry;

        public byte[] Body { get; } = body;

        public CancellationToken StoppingToken { get; } = stoppingToken;

        public int PreviousAttempts { get; set; }

        public int Attempts { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {SubscriptionId} did not take alert {AlertId} ({Event}) after {Attempts} attempts: {Reason}")]
    private static partial void LogDeliveryFailed(ILogger logger, string alertId, string @event, long subscriptionId, int attempts, string? reason);
}
