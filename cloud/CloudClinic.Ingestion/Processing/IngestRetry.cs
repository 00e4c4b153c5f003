using CloudClinic.Storage;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace CloudClinic.Ingestion.Processing;

/// <summary>
/// One retry pipeline for the ingest's failure domain (store, dead letters, alert publishing): exponential backoff
/// with jitter up to <see cref="IngestOptions.MaxRetryDelay"/>, the store's Retry-After honoured, and no attempt
/// limit — a reading is never dropped because a dependency was down; its message simply stays unacknowledged.
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
            .Build();

    private static bool IsRetryable(Exception exception) => exception switch
    {
        OperationCanceledException => false,
        ReadingStoreException store => store.Kind == ReadingStoreFailure.Transient,
        // Anything else (alert publishing, the dead-letter database, a surprise) is retried: stalling with a
        // logged reason is better than acknowledging a reading that was not handled.
        _ => true,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest retrying (attempt {Attempt}) in {Delay}: {Reason}")]
    private static partial void LogRetry(ILogger logger, int attempt, TimeSpan delay, string reason);
}
