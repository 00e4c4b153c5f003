using CloudClinic.Contracts;
using CloudClinic.Dashboard.Hubs;
using Microsoft.AspNetCore.SignalR.Client;

namespace CloudClinic.Dashboard.Tests.Infrastructure;

/// <summary>Collects what the hub pushes to one client; tests wait for a matching item with a timeout.</summary>
public sealed class HubInbox
{
    private readonly Lock _gate = new();
    private readonly List<object> _received = [];
    private readonly List<(Func<object, bool> Match, TaskCompletionSource<object> Found)> _waiters = [];

    public HubInbox(HubConnection connection)
    {
        Connection = connection;
        connection.Closed += ex =>
        {
            ClosedReason = ex?.Message ?? "closed without an error";
            return Task.CompletedTask;
        };
        connection.On<ReadingMessage, string>(nameof(IClinicClient.ReadingReceived), (reading, severity) =>
        {
            Add(new ReadingSeverityPush(reading.ReadingId, severity));
            Add(reading);
        });
        connection.On<AlertEventMessage>(nameof(IClinicClient.AlertChanged), Add);
        connection.On<string, string, GatewayStatusMessage>(
            nameof(IClinicClient.GatewayStatusChanged),
            (clinicId, gatewayId, status) => Add(new GatewayStatusPush(clinicId, gatewayId, status)));
    }

    public HubConnection Connection { get; }

    /// <summary>Why the connection last closed, if it did (a long-polling client starved of CPU can be dropped).</summary>
    public string? ClosedReason { get; private set; }

    public IReadOnlyList<T> All<T>()
    {
        lock (_gate)
        {
            return [.. _received.OfType<T>()];
        }
    }

    /// <summary>The first pushed <typeparamref name="T"/> matching <paramref name="match"/>, received before or after the call.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool> match, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool Matches(object item) => item is T typed && match(typed);
        lock (_gate)
        {
            var earlier = _received.FirstOrDefault(Matches);
            if (earlier is not null)
            {
                return (T)earlier;
            }

            _waiters.Add((Matches, found));
        }

        try
        {
            return (T)await found.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"No matching {typeof(T).Name} within {timeout}; hub {Connection.State}{(ClosedReason is null ? "" : $" (closed: {ClosedReason})")}; received: {string.Join(", ", All<object>())}");
        }
    }

    private void Add(object item)
    {
        lock (_gate)
        {
            _received.Add(item);
            foreach (var waiter in _waiters.Where(w => w.Match(item)).ToList())
            {
                waiter.Found.TrySetResult(item);
                _waiters.Remove(waiter);
            }
        }
    }
}
