using CloudClinic.Alerts.Leadership;
using CloudClinic.Alerts.Rules;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Ingestion.Tests;

/// <summary>
/// The ingest never waits for the alert engine: with the engine lease held by another (stalled) host, every reading
/// is still stored and acknowledged, and waits in the registry's evaluation queue; once the lease passes to this
/// host, the queue drains and the urgent alert is published.
/// </summary>
public sealed class AlertDecouplingTests : IAsyncLifetime
{
    private const int Ordinary = 600;
    private static readonly DateTimeOffset Today = TimeProvider.System.GetUtcNow();
    private readonly string _directory = Directory.CreateTempSubdirectory("cloudclinic-decouple-").FullName;
    private TestBroker _broker = null!;

    private string Registry => $"Data Source={Path.Combine(_directory, "registry.db")};Pooling=False";

    public async Task InitializeAsync() => _broker = await TestBroker.StartAsync(IngestHost.ClientId);

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task EngineLeaseHeldElsewhere_IngestStoresAndAcksAll_QueueHolds_ThenDrainsOnTakeover()
    {
        await HoldLeaseElsewhereAsync(TimeSpan.FromHours(1));
        await using var ingest = await IngestHost.StartAsync(_broker.Url, new() { ["Alerts:LeaseDuration"] = "00:00:03" }, _directory);
        await using var dashboard = await AlertListener.StartAsync(_broker.Port);

        await ingest.PublishAsync(Readings.BloodPressure("urgent-1", systolic: 186, diastolic: 100, patientId: null));
        for (var i = 0; i < Ordinary; i++)
        {
            await ingest.PublishAsync(Readings.BloodPressure($"ordinary-{i}") with { MeasuredAt = Today.AddSeconds(-i) });
        }

        await _broker.WaitForAcksAsync(Ordinary + 1, IngestHost.Timeout);
        Assert.Equal(Ordinary + 1, (await ingest.Readings.LatestAsync("clinic-a", 1000, CancellationToken.None)).Count);
        Assert.Equal((Ordinary + 1, 0), (await QueuedAsync(), await AlertCountAsync()));

        await HoldLeaseElsewhereAsync(TimeSpan.FromSeconds(-1)); // the other host died: its lease ran out
        var alert = await dashboard.NextAsync(IngestHost.Timeout);

        Assert.Equal(AlertIds.For(BpUrgentRule.RuleId, "urgent-1"), alert.AlertId);
        using var timeout = new CancellationTokenSource(IngestHost.Timeout);
        while (await QueuedAsync() > 0)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private async Task HoldLeaseElsewhereAsync(TimeSpan expiresIn)
    {
        var database = new RegistryDatabase(Registry);
        await database.EnsureMigratedAsync(default);
        await using var db = database.CreateContext();
        var lease = await db.Leases.FindAsync(EngineLeaseWorker.LeaseName);
        if (lease is null)
        {
            lease = new EngineLease { Name = EngineLeaseWorker.LeaseName, Version = 1 };
            db.Leases.Add(lease);
        }
        else
        {
            lease.Version++;
        }

        lease.Holder = "stalled-host";
        lease.ExpiresAt = TimeProvider.System.GetUtcNow() + expiresIn;
        await db.SaveChangesAsync();
    }

    private async Task<int> QueuedAsync()
    {
        await using var db = new RegistryDatabase(Registry).CreateContext();
        return await db.EvaluationQueue.SumAsync(q => q.ReadingCount);
    }

    private async Task<int> AlertCountAsync()
    {
        await using var db = new RegistryDatabase(Registry).CreateContext();
        return await db.Alerts.CountAsync();
    }
}
