using Microsoft.AspNetCore.SignalR.Client;

namespace CloudClinic.Testing;

/// <summary>Starting a dashboard hub client the way the page does: live once the hub says it is subscribed.</summary>
public static class HubClientStart
{
    /// <summary>The hub's push to a connection once it is in its group (<c>IClinicClient.Subscribed</c>).</summary>
    public const string SubscribedMethod = "Subscribed";

    /// <summary>
    /// Starts <paramref name="connection"/> and waits for the hub's Subscribed push. SignalR completes StartAsync
    /// before the hub has put the connection in its group: a test that published right after StartAsync could lose
    /// its message to that race.
    /// </summary>
    public static async Task StartSubscribedAsync(this HubConnection connection, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var handler = connection.On(SubscribedMethod, () => subscribed.TrySetResult());
        await connection.StartAsync();
        await subscribed.Task.WaitOrExplainAsync(
            timeout, () => $"the hub did not confirm the subscription within {timeout}; connection {connection.State}");
    }
}
