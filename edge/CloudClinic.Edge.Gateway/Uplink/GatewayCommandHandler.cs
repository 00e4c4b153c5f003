using System.Buffers;
using System.Text.Json;
using CloudClinic.Contracts;
using CloudClinic.Edge.Gateway.CheckIn;
using CloudClinic.Edge.Gateway.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;

namespace CloudClinic.Edge.Gateway.Uplink;

/// <summary>
/// What the cloud sends the gateway (DESIGN.md §3): commands on <c>…/{gateway}/commands</c> — <c>request-status</c>
/// republishes the status at once, <c>check-in</c> opens a check-in session — and the clinic's retained roster on
/// <c>…/{clinic}/roster</c>. Never throws: a bad message must not disturb the uplink.
/// </summary>
internal sealed partial class GatewayCommandHandler(
    StatusSignal statusSignal,
    CheckInService checkIn,
    RosterCache roster,
    IOptions<EdgeOptions> edge,
    ILogger<GatewayCommandHandler> logger)
{
    private readonly string _rosterTopic = Topics.Roster(edge.Value.ClinicId);

    public Task HandleAsync(MqttApplicationMessage message)
    {
        if (message.Topic == _rosterTopic)
        {
            ApplyRoster(message);
            return Task.CompletedTask;
        }

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
            case GatewayCommands.CheckIn:
                CheckIn(command);
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

    private void CheckIn(GatewayCommandMessage command)
    {
        if (command.Station is null || command.PatientId is null)
        {
            LogMalformed(logger, "check-in", "a check-in needs both patientId and station");
            return;
        }

        // CheckInService logs the outcome (opened, or refused with the reason).
        checkIn.CheckInPatient(command.Station, command.PatientId, CheckInSource.Command);
    }

    private void ApplyRoster(MqttApplicationMessage message)
    {
        if (message.Payload.IsEmpty)
        {
            // A cleared retained roster: keep the cached one rather than lose check-in.
            LogRosterCleared(logger);
            return;
        }

        var refusal = roster.Apply(message.Payload.ToArray());
        if (refusal is null)
        {
            LogRosterApplied(logger, roster.Count);
        }
        else
        {
            LogRosterRefused(logger, refusal);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster applied: {Count} patients can be checked in")]
    private static partial void LogRosterApplied(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roster refused, the cached one is kept: {Reason}")]
    private static partial void LogRosterRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Roster topic cleared; the cached roster is kept")]
    private static partial void LogRosterCleared(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Command request-status: republishing status")]
    private static partial void LogRequestStatus(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Command '{Command}' is not supported by this gateway version; ignored")]
    private static partial void LogNotSupported(ILogger logger, string command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring malformed command on {Topic}: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string topic, string reason);
}
