using System.Collections.Concurrent;
using CloudClinic.Contracts;
using CloudClinic.Edge.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway.Status;

/// <summary>
/// What the status message reports besides the backlog: each station's link state and the uplink's last problem.
/// Raises <see cref="Changed"/> only on real changes, so status is republished when something is different.
/// </summary>
internal sealed class GatewayStatusBoard
{
    private readonly ConcurrentDictionary<string, GatewayDeviceStatus> _stations = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> _order;
    private string? _uplinkError;
    private volatile bool _uplinkConnected;

    public GatewayStatusBoard(IOptions<EdgeOptions> options)
    {
        _order = [.. options.Value.Stations.Select(s => s.Name)];
        foreach (var station in options.Value.Stations)
        {
            _stations[station.Name] = new GatewayDeviceStatus
            {
                Station = station.Name,
                Protocol = station.ReportedProtocol(),
                Transport = station.ReportedTransport(),
                Connected = false,
            };
        }
    }

    public event Action? Changed;

    public string? UplinkError => Volatile.Read(ref _uplinkError);

    /// <summary>Connected to the broker now (the local page shows it; the status topic says so by being online).</summary>
    public bool UplinkConnected
    {
        get => _uplinkConnected;
        set => _uplinkConnected = value;
    }

    public IReadOnlyList<GatewayDeviceStatus> Stations => [.. _order.Select(name => _stations[name])];

    public void SetStation(string station, bool connected, string? lastError)
    {
        var changed = false;
        _stations.AddOrUpdate(
            station,
            _ => throw new InvalidOperationException($"unknown station '{station}'"),
            (_, old) =>
            {
                var updated = old with { Connected = connected, LastError = lastError ?? (connected ? null : old.LastError) };
                changed = updated != old;
                return updated;
            });
        if (changed)
        {
            Changed?.Invoke();
        }
    }

    public void SetUplinkError(string? error)
    {
        if (Interlocked.Exchange(ref _uplinkError, error) != error)
        {
            Changed?.Invoke();
        }
    }
}
