using CloudClinic.Contracts;
using CloudClinic.Edge.Gateway.Configuration;
using CloudClinic.Edge.Gateway.Outbox;
using CloudClinic.Edge.Gateway.Status;
using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway.LocalPage;

/// <summary>Builds <see cref="LocalPageStatus"/> from the same sources as the status topic (GatewayStatusFactory).</summary>
internal sealed class LocalPageStatusFactory(
    IOptions<EdgeOptions> edge,
    IOptions<LocalPageOptions> page,
    GatewayStatusFactory status,
    GatewayStatusBoard board,
    OutboxDatabase database,
    OutboxBudget budget)
{
    public LocalPageStatus Create()
    {
        var message = status.Create(GatewayStates.Online);
        return new LocalPageStatus
        {
            ClinicId = edge.Value.ClinicId,
            GatewayId = edge.Value.GatewayId,
            Version = message.Version ?? GatewayStatusFactory.Version,
            At = message.At,
            UplinkConnected = board.UplinkConnected,
            Backlog = message.Backlog,
            OutboxUsedBytes = database.Use(budget.MeasureUsedBytes),
            OutboxBudgetBytes = budget.BudgetBytes,
            Alarm = budget.Alarm,
            RefusedReadings = budget.RefusedCount,
            LastError = message.LastError,
            Stations = message.Devices,
            RefreshSeconds = page.Value.RefreshSeconds,
        };
    }
}
