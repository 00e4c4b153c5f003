using CloudClinic.Storage.Influx;
using CloudClinic.Testing;

namespace CloudClinic.Storage.Tests;

/// <summary>One real influxd per test class; each test gets its own database in it.</summary>
public sealed class InfluxFixture : IAsyncLifetime
{
    public InfluxdProcess Influxd { get; private set; } = null!;

    public async Task InitializeAsync() => Influxd = await InfluxdProcess.StartAsync();

    public async Task DisposeAsync() => await Influxd.DisposeAsync();

    public static InfluxOptions NewDatabase(Uri url) => new()
    {
        Url = url.ToString(),
        Database = "test_" + Guid.NewGuid().ToString("N"),
    };
}
