using Microsoft.Extensions.Logging;

namespace CloudClinic.Edge.Gateway.Acquisition;

/// <summary>Link-state log lines every station driver writes the same way.</summary>
internal static partial class LinkEvents
{
    public static void LogDisconnected(ILogger logger, string station, string reason, bool stopping)
    {
        if (stopping)
        {
            LogClosed(logger, station, reason);
        }
        else
        {
            LogLost(logger, station, reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Station {Station}: meter link connected")]
    public static partial void LogConnected(ILogger logger, string station);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Station {Station}: {Reason}; retrying")]
    public static partial void LogConnectFailed(ILogger logger, string station, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Station {Station}: meter link lost ({Reason}); reconnecting")]
    private static partial void LogLost(ILogger logger, string station, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Station {Station}: meter link closed ({Reason})")]
    private static partial void LogClosed(ILogger logger, string station, string reason);
}
