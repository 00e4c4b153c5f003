using System.Reflection;
using CloudClinic.Edge.Gateway;
using CloudClinic.Edge.Gateway.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Tests;

/// <summary>edge/deploy/appsettings.site-sample.json: passes the gateway's own start-up validation and shows every key.</summary>
public sealed class SiteSampleConfigTests : IDisposable
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "deploy", "appsettings.site-sample.json");
    private readonly string _caFile = Path.Combine(Path.GetTempPath(), $"cloudclinic-sample-ca-{Guid.NewGuid():N}.pem");

    public void Dispose() => File.Delete(_caFile);

    [Fact]
    public void Sample_GatewayValidation_Passes()
    {
        // The sample's CaFile is where the guide puts it on the Pi; validation checks the file exists.
        File.WriteAllText(_caFile, "not read by validation");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Path.GetTempPath() });
        builder.Configuration.AddJsonFile(SamplePath).AddInMemoryCollection([new("Mqtt:CaFile", _caFile)]);
        builder.AddEdgeGateway();
        using var host = builder.Build();

        var edge = host.Services.GetRequiredService<IOptions<EdgeOptions>>().Value;
        var mqtt = host.Services.GetRequiredService<IOptions<MqttOptions>>().Value;

        Assert.Equal(4, edge.Stations.Count);
        Assert.Equal(2, edge.Stations.Count(s => s.Link == StationOptions.BleLink));
        Assert.Equal("mqtts://mqtt.cloudclinic.example:8883", mqtt.Url);
    }

    [Theory]
    [InlineData(typeof(MqttOptions), MqttOptions.SectionName)]
    [InlineData(typeof(EdgeOptions), EdgeOptions.SectionName)]
    public void Sample_OptionsClass_EveryKeyPresent(Type optionsType, string section)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(SamplePath).Build();

        var missing = optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && !configuration.GetSection($"{section}:{p.Name}").Exists())
            .Select(p => p.Name)
            .ToList();

        Assert.True(missing.Count == 0, $"missing in the sample: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Sample_SerialStation_EveryNonSimulatedKeyPresent()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(SamplePath).Build();
        var station = configuration.GetSection("Edge:Stations:0");

        var missing = typeof(StationOptions).GetProperties()
            // Simulated* keys belong to demo stations and Ble* keys to BLE stations (edge/README.md), not a serial one.
            .Where(p => !p.Name.StartsWith("Simulated", StringComparison.Ordinal) && !p.Name.StartsWith("Ble", StringComparison.Ordinal))
            .Where(p => !station.GetSection(p.Name).Exists())
            .Select(p => p.Name)
            .ToList();

        Assert.True(missing.Count == 0, $"missing in the sample's first station: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Sample_BleStation_EveryBleKeyPresent()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(SamplePath).Build();
        var stations = configuration.GetSection("Edge:Stations").GetChildren().ToList();
        var ble = stations.First(s => s["Link"] == StationOptions.BleLink);

        // What a BLE station needs beyond Name and Link (edge/README.md "BLE meter stations"): the meter, its adapter,
        // its kind, the quirk profile and the pause between GATT sessions.
        var missing = typeof(StationOptions).GetProperties()
            .Where(p => p.Name.StartsWith("Ble", StringComparison.Ordinal) || p.Name == nameof(StationOptions.PollIntervalSeconds))
            .Where(p => !ble.GetSection(p.Name).Exists())
            .Select(p => p.Name)
            .ToList();

        Assert.True(missing.Count == 0, $"missing in the sample's BLE station: {string.Join(", ", missing)}");
        Assert.Contains(stations, s => s["Link"] == StationOptions.BleLink && s["BleKind"] == "glucose");
    }
}
