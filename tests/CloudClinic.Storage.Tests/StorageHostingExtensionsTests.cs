using CloudClinic.Storage.DeadLetters;
using CloudClinic.Storage.Influx;
using CloudClinic.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudClinic.Storage.Tests;

public sealed class StorageHostingExtensionsTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("cloudclinic-storagehost-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task AddReadingStorage_Defaults_UsesSqliteForReadingsAndDeadLetters()
    {
        using var host = Build([]);
        await host.StartAsync();

        Assert.IsType<SqliteReadingStore>(host.Services.GetRequiredService<IReadingStore>());
        Assert.IsType<SqliteDeadLetterStore>(host.Services.GetRequiredService<IDeadLetterStore>());
        await host.StopAsync();
    }

    [Fact]
    public async Task AddReadingStorage_Influx_UsesInfluxV1Store()
    {
        using var host = Build(new() { ["Storage:Readings"] = "influx", ["Influx:Url"] = "http://127.0.0.1:1", ["Influx:Database"] = "cc" });
        await host.StartAsync();

        Assert.IsType<InfluxV1ReadingStore>(host.Services.GetRequiredService<IReadingStore>());
        await host.StopAsync();
    }

    [Fact]
    public async Task AddReadingStorage_InfluxV2_UsesInfluxV2Store()
    {
        using var host = Build(new()
        {
            ["Storage:Readings"] = "influx",
            ["Influx:Dialect"] = "v2",
            ["Influx:Url"] = "http://127.0.0.1:1",
            ["Influx:Org"] = "clinic-org",
            ["Influx:Bucket"] = "readings",
            ["Influx:Token"] = "t0ken",
        });
        await host.StartAsync();

        Assert.IsType<InfluxV2ReadingStore>(host.Services.GetRequiredService<IReadingStore>());
        await host.StopAsync();
    }

    [Theory]
    [InlineData("Influx:Bucket", "a b", "Influx:Bucket must be set for Influx:Dialect 'v2': letters, digits")]
    [InlineData("Influx:Username", "admin", "Influx:Username/Influx:Password are for Influx:Dialect 'v1'")]
    public async Task StartAsync_BadV2Key_FailsNamingTheKey(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Readings"] = "influx",
            ["Influx:Dialect"] = "v2",
            ["Influx:Org"] = "clinic-org",
            ["Influx:Bucket"] = "readings",
            ["Influx:Token"] = "t0ken",
            [key] = value,
        };
        using var host = Build(settings);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Storage:Readings", "mongo", "Storage:Readings")]
    [InlineData("Storage:Registry", "Host=db;Username=x", "Storage:Registry")]
    [InlineData("Storage:SqlitePath", "", "Storage:SqlitePath")]
    [InlineData("Influx:Dialect", "v2", "Influx:Org must be set for Influx:Dialect 'v2'")]
    [InlineData("Influx:Dialect", "v2", "Influx:Bucket must be set for Influx:Dialect 'v2'")]
    [InlineData("Influx:Dialect", "v2", "Influx:Token must be set for Influx:Dialect 'v2'")]
    [InlineData("Influx:Dialect", "v9", "Influx:Dialect")]
    [InlineData("Influx:Url", "localhost:8086", "Influx:Url")]
    [InlineData("Influx:Database", "a;b", "Influx:Database")]
    [InlineData("Influx:Username", "admin", "Influx:Username and Influx:Password")]
    [InlineData("Influx:RetentionPolicy", "keep forever", "Influx:RetentionPolicy")]
    [InlineData("Influx:RetentionDuration", "30m", "Influx:RetentionDuration")]
    [InlineData("Influx:RetentionDuration", "0d", "Influx:RetentionDuration")]
    [InlineData("Influx:RetentionDuration", "10y", "Influx:RetentionDuration")]
    public async Task StartAsync_BadKey_FailsNamingTheKey(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Storage:Readings"] = "influx", [key] = value };
        using var host = Build(settings);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_InfluxSettingsWhileSqlite_AreNotChecked()
    {
        using var host = Build(new() { ["Influx:Dialect"] = "v2" });

        await host.StartAsync();
        await host.StopAsync();
    }

    private IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Path.Combine(_directory.FullName, "readings.db"),
            ["Storage:Registry"] = $"Data Source={Path.Combine(_directory.FullName, "registry.db")}",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddReadingStorage();
        builder.AddReadingStorage();
        return builder.Build();
    }
}
