using Microsoft.Extensions.Logging;

namespace CloudClinic.Ingestion;

/// <summary>Log messages of <see cref="MqttIngestWorker"/>. Operators and the end-to-end tests look for "ingest subscribed".</summary>
internal static partial class IngestLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "ingest subscribed to {Filter} on {Url} as {ClientId} (session present: {SessionPresent})")]
    public static partial void LogSubscribed(ILogger logger, string filter, string url, string clientId, bool sessionPresent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest cannot connect to {Url}, retrying in {Delay}: {Reason}")]
    public static partial void LogConnectFailed(ILogger logger, string url, TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest disconnected from the broker ({Reason}): {Error}")]
    public static partial void LogDisconnected(ILogger logger, string reason, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Not acknowledging {Topic}: its connection is gone, the broker re-sends it")]
    public static partial void LogAckSkipped(ILogger logger, string topic);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Acknowledged {Count} messages")]
    public static partial void LogAcknowledged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Acknowledging {Topic} failed: {Reason}")]
    public static partial void LogAckFailed(ILogger logger, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending the acknowledgements of a batch of {Count} failed, the broker re-sends what they were for: {Reason}")]
    public static partial void LogAcksNotSent(ILogger logger, int count, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ingest disconnect on shutdown failed: {Reason}")]
    public static partial void LogDisconnectFailed(ILogger logger, string reason);
}
