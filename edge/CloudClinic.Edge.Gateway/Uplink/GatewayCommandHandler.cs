using System.Buffers;
using System.Text.Json;
using CloudClinic.Contracts;
using Microsoft.Extensions.Logging;
using MQTTnet;

namespace CloudClinic.Edge.Gateway.Uplink;

/// <summary>
/// Commands from the cloud on <c>…/{gateway}/commands</c> (DESIGN.md §3). <c>request-status</c> republishes the
/// status at once; check-in and the rest arrive in later issues and are logged as not supported. Never throws:
/// a bad command must not disturb the uplink.
/// </summary>
internal sealed partial class GatewayCommandHandler(StatusSignal statusSignal, ILogger<GatewayCommandHandler> logger)
{
    public Task HandleAsync(MqttApplicationMessage message)
    {
        GatewayCommandMessage? command;
        try
        {
            command = JsonSerializer.Deserialize(message.Payload.ToArray(), ContractJsonContext.Default.GatewayCommandMessage);
        }
        catch (JsonException ex)
        {
            LogMalformed(logger, message.Topic, ex.Message);
            return Task.CompletedTask;
        }

        switch (command?.Command)
        {
            case GatewayCommands.RequestStatus:
                LogRequestStatus(logger);
                statusSignal.Set(force: true);
                break;
            case null:
                LogMalformed(logger, message.Topic, "no command");
                break;
            default:
                LogNotSupported(logger, command.Command);
                break;
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Command request-status: republishing status")]
    private static partial void LogRequestStatus(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Command '{Command}' is not supported by this gateway version; ignored")]
    private static partial void LogNotSupported(ILogger logger, string command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring malformed command on {Topic}: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string topic, string reason);
}
