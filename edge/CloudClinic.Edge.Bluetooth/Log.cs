using Microsoft.Extensions.Logging;

namespace CloudClinic.Edge.Bluetooth;

internal static partial class Log
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "BLE {Address}: connected to {Model} serial {Serial}")]
    public static partial void Connected(ILogger logger, string address, string model, string serial);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "BLE {Address}: meter clock is {OffsetSeconds:F0} s off the gateway's (limit {LimitSeconds:F0} s); its records are flagged")]
    public static partial void ClockDrift(ILogger logger, string address, double offsetSeconds, double limitSeconds);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "BLE {Address}: meter clock was never set (year 0)")]
    public static partial void ClockUnset(ILogger logger, string address);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "BLE {Address}: wrote the gateway time to Current Time")]
    public static partial void ClockWritten(ILogger logger, string address);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "BLE {Address}: Current Time unreadable: {Reason}")]
    public static partial void ClockUnreadable(ILogger logger, string address, string reason);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning, Message = "BLE {Address}: rejected a 0x{Characteristic:X4} value: {Reason}")]
    public static partial void Rejected(ILogger logger, string address, ushort characteristic, string reason);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Information, Message = "BLE {Address}: requesting {Request} (last stored sequence {Last})")]
    public static partial void RacpRequest(ILogger logger, string address, string request, string last);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Information, Message = "BLE {Address}: session ended: {Records} records, {Rejected} rejected ({Detail})")]
    public static partial void SessionEnded(ILogger logger, string address, int records, int rejected, string detail);

    [LoggerMessage(EventId = 3108, Level = LogLevel.Warning, Message = "BLE {Address}: session failed, reconnecting in {Delay}: {Reason}")]
    public static partial void SessionFailed(ILogger logger, string address, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 3109, Level = LogLevel.Debug, Message = "BLE {Address}: glucose context for sequence {Sequence} has no measurement waiting; ignored")]
    public static partial void OrphanContext(ILogger logger, string address, ushort sequence);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Information, Message = "BLE {Address}: not known to BlueZ; discovering for up to {Timeout}")]
    public static partial void Discovering(ILogger logger, string address, TimeSpan timeout);
}
