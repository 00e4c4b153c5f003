using CloudClinic.Storage;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace CloudClinic.Ingestion.Processing;

/// <summary>
/// One pipeline for the ingest's failure domain (store, dead letters, alert publishing): a retry with exponential backoff
/// with jitter up to <see cref="IngestOptions.MaxRetryDelay"/>, the store's Retry-After honoured, and no attempt
/// limit — a reading is never dropped because a dependency was down; its message simply stays unacknowledged — around
/// a circuit breaker shared by all batches in flight.
/// Store refusals that retrying cannot fix (Rejected, TooLarge) pass straight through to the caller.
/// </summary>
internal static partial class IngestRetry
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromMinutes(5);

    public static ResiliencePipeline Create(TimeSpan maxDelay, TimeProvider timeProvider, ILogger logger) =>
        new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsRetryable),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = FirstDelay < maxDelay ? FirstDelay : maxDelay,
                MaxDelay = maxDelay,
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is ReadingStoreException { RetryAfter: { } retryAfter }
                        ? (TimeSpan?)(retryAfter < LongestRetryAfter ? retryAfter : LongestRetryAfter)
                        : null),
                OnRetry = args =>
                {
                    LogRetry(logger, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.Message ?? "failed");
                    return ValueTask.CompletedTask;
                },
            })
            // Inside the retry and shared by every batch in flight: once most calls fail, the batches stop sending to
            // a store that is down and wait out the break together, then one trial call tests it (Polly v8).
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsRetryable),
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(10),
                BreakDuration = BreakDuration(maxDelay),
                OnOpened = args =>
                {
                    LogCircuitOpened(logger, args.BreakDuration, args.Outcome.Exception?.Message ?? "failed");
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    LogCircuitClosed(logger);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    /// <summary>Polly's minimum is 0.5 s; longer than the retry's own longest delay would only slow recovery.</summary>
    private static TimeSpan BreakDuration(TimeSpan maxDelay) =>
        TimeSpan.FromTicks(Math.Clamp(maxDelay.Ticks, TimeSpan.FromSeconds(0.5).Ticks, TimeSpan.FromSeconds(5).Ticks));

    private static bool IsRetryable(Exception exception) => exception switch
    {
        OperationCanceledException => false,
        BrokenCircuitException => true,
        ReadingStoreException store => store.Kind == ReadingStoreFailure.Transient,
        // Anything else (alert publishing, the dead-letter database, a surprise) is retried: stalling with a
        // logged reason is better than acknowledging a reading that was not handled.
        _ => true,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest circuit opened for {BreakDuration}: {Reason}")]
    private static partial void LogCircuitOpened(ILogger logger, TimeSpan breakDuration, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest circuit closed: the store answers again")]
    private static partial void LogCircuitClosed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest retrying (attempt {Attempt}) in {Delay}: {Reason}")]
    private static partial void LogRetry(ILogger logger, int attempt, TimeSpan delay, string reason);
}
