using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CloudClinic.Contracts;
using CloudClinic.Dashboard.Clinical;
using CloudClinic.Dashboard.Hubs;

namespace CloudClinic.Dashboard.Relay;

/// <summary>
/// Turns one MQTT message into browser pushes. Never throws: a payload that does not parse or does not match
/// its topic is logged with the reason and counted, and the next message is handled as usual.
/// </summary>
internal sealed partial class LiveMessageRouter(
    ClinicAudience audience,
    ReadingAssessor assessor,
    GatewayStatusBoard gateways,
    RecentAlertsBoard alerts,
    RelayState state,
    ILogger<LiveMessageRouter> logger)
{
    // Leaves of wire contract v1 (DESIGN.md §3).
    private const string ReadingsLeaf = "readings";
    private const string StatusLeaf = "status";
    private const string AlertsLeaf = "alerts";

    /// <summary>Marker result: nothing to relay and nothing wrong.</summary>
    private const string Ignored = "ignored";

    public async Task RouteAsync(string topic, ReadOnlySequence<byte> payload)
    {
        try
        {
            var bytes = payload.IsSingleSegment ? payload.First : payload.ToArray();
            var error = await DispatchAsync(topic, bytes);
            if (error is null)
            {
                state.CountRelayed();
            }
            else if (!ReferenceEquals(error, Ignored))
            {
                state.CountRejected();
                LogRejected(logger, topic, error);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A browser push failed (e.g. the hub is shutting down): count it and keep relaying.
            state.CountRejected();
            LogPushFailed(logger, ex, topic);
        }
    }

    /// <summary>Returns null when relayed, <see cref="Ignored"/>, or why the message was rejected.</summary>
    private async Task<string?> DispatchAsync(string topic, ReadOnlyMemory<byte> payload)
    {
        if (Topics.TryParseGatewayTopic(topic, out var clinicId, out var gatewayId, out var leaf))
        {
            return leaf switch
            {
                ReadingsLeaf => await RelayReadingsAsync(clinicId, gatewayId, payload),
                StatusLeaf => await RelayStatusAsync(clinicId, gatewayId, payload),
                _ => $"unexpected topic leaf '{leaf}'",
            };
        }

        var parts = topic.Split('/');
        if (parts.Length == 4 && parts[0] + "/" + parts[1] == Topics.Root && Topics.IsValidId(parts[2]) && parts[3] == AlertsLeaf)
        {
            return await RelayAlertAsync(parts[2], payload);
        }

        return "topic is not a cloudclinic/v1 readings, status or alerts topic";
    }

    private async Task<string?> RelayReadingsAsync(string clinicId, string gatewayId, ReadOnlyMemory<byte> payload)
    {
        if (!ReadingPayload.TryParse(payload.Span, out var readings, out var error))
        {
            return error;
        }

        // Check the whole batch first so a bad element never leaves the browsers with half of it.
        foreach (var reading in readings)
        {
            if (reading.ClinicId != clinicId || reading.GatewayId != gatewayId)
            {
                return $"reading {reading.ReadingId} names {reading.ClinicId}/{reading.GatewayId}, not the topic's {clinicId}/{gatewayId}";
            }
        }

        foreach (var reading in readings)
        {
            await audience.ReadingAsync(reading, await assessor.SeverityAsync(reading, CancellationToken.None));
        }

        return null;
    }

    private async Task<string?> RelayStatusAsync(string clinicId, string gatewayId, ReadOnlyMemory<byte> payload)
    {
        if (payload.IsEmpty)
        {
            // An empty retained message clears the status (MQTT 5 §3.3.1.3); nothing to show, nothing wrong.
            return Ignored;
        }

        if (!TryDeserialize(payload, ContractJsonContext.Default.GatewayStatusMessage, out var status, out var error))
        {
            return error;
        }

        gateways.Set(clinicId, gatewayId, status);
        await audience.GatewayStatusAsync(clinicId, gatewayId, status);
        return null;
    }

    private async Task<string?> RelayAlertAsync(string clinicId, ReadOnlyMemory<byte> payload)
    {
        if (!TryDeserialize(payload, ContractJsonContext.Default.AlertEventMessage, out var alert, out var error))
        {
            return error;
        }

        if (alert.Schema != AlertEventMessage.SchemaV1)
        {
            return $"alert schema '{alert.Schema}' is not {AlertEventMessage.SchemaV1}";
        }

        if (alert.ClinicId != clinicId)
        {
            return $"alert {alert.AlertId} names clinic {alert.ClinicId}, not the topic's {clinicId}";
        }

        alerts.Set(alert);
        await audience.AlertAsync(alert);
        return null;
    }

    private static bool TryDeserialize<T>(
        ReadOnlyMemory<byte> payload,
        JsonTypeInfo<T> typeInfo,
        [NotNullWhen(true)] out T? value,
        [NotNullWhen(false)] out string? error)
        where T : class
    {
        try
        {
            value = JsonSerializer.Deserialize(payload.Span, typeInfo);
            error = value is null ? $"null {typeof(T).Name}" : null;
            return value is not null;
        }
        catch (JsonException ex)
        {
            value = null;
            error = $"malformed {typeof(T).Name} JSON: {ex.Message}";
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live relay rejected a message on {Topic}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Live relay could not push a message on {Topic} to browsers")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string topic);
}
