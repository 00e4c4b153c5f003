using System.Security.Cryptography;
using System.Text.Json;
using CloudClinic.Alerts.Roster;
using CloudClinic.Contracts;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using CloudClinic.Registry.Privacy;
using CloudClinic.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MQTTnet.Protocol;

namespace CloudClinic.Alerts.Tests;

/// <summary>
/// The roster publisher in the alerting host (<c>AddAlerting</c>) on an in-process broker: each clinic's roster is
/// retained at QoS 1 with pseudonymous ids, masked names and card hashes — no name, ID number, phone or card code.
/// </summary>
public sealed class RosterPublisherWorkerTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private const string Name = "张三丰";
    private const string NationalId = "11010519491231002X";
    private const string Phone = "13800138000";
    private const string CardCode = "CARD-000123";

    private readonly string _directory = Directory.CreateTempSubdirectory("cloudclinic-roster-").FullName;
    private readonly string _registry;
    private readonly PersonalDataProtector _protector = new(RandomNumberGenerator.GetBytes(PersonalDataProtector.KeyBytes));

    public RosterPublisherWorkerTests()
    {
        _registry = $"Data Source={Path.Combine(_directory, "registry.db")};Pooling=False";
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Start_RegisteredPatients_RetainedRosterHoldsMaskedNamesAndCardHashesOnly()
    {
        await using var broker = await InProcessMqttBroker.StartAsync();
        await SeedClinicsAsync();
        await RegisterAsync("p-1", "clinic-a", CardCode);
        using var host = BuildHost(broker.Url, TimeSpan.FromMinutes(10));

        await host.StartAsync();
        await WaitForRosterAsync(broker, "clinic-b", _ => true);
        var roster = await WaitForRosterAsync(broker, "clinic-a", r => r.Patients.Count == 1);

        var retained = await broker.GetRetainedAsync(Topics.Roster("clinic-a"));
        Assert.NotNull(retained);
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, retained.QualityOfService);
        var patient = Assert.Single(roster.Patients);
        Assert.Equal(("p-1", "张*丰", CardCodeHash.Compute("clinic-a", CardCode)), (patient.PatientId, patient.DisplayName, Assert.Single(patient.CardHashes)));
        foreach (var secret in new[] { Name, "三丰", NationalId, Phone, CardCode })
        {
            Assert.DoesNotContain(secret, retained.PayloadText, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, DecodedStrings(retained.Payload), StringComparison.Ordinal); // the wire JSON escapes non-ASCII
        }

        Assert.Empty((await WaitForRosterAsync(broker, "clinic-b", _ => true)).Patients);
        await host.StopAsync();
    }

    [Fact]
    public async Task Changed_PatientRegisteredAfterStart_RepublishesThatClinicsRoster()
    {
        await using var broker = await InProcessMqttBroker.StartAsync();
        await SeedClinicsAsync();
        using var host = BuildHost(broker.Url, TimeSpan.FromHours(1));
        await host.StartAsync();
        await WaitForRosterAsync(broker, "clinic-a", r => r.Patients.Count == 0);

        await RegisterAsync("p-2", "clinic-a", cardCode: null);
        host.Services.GetRequiredService<RosterChangeSignal>().Changed("clinic-a");

        var roster = await WaitForRosterAsync(broker, "clinic-a", r => r.Patients.Any(p => p.PatientId == "p-2"));
        Assert.Empty(Assert.Single(roster.Patients).CardHashes);
        await host.StopAsync();
    }

    [Fact]
    public async Task Refresh_ChangeWithoutSignal_RepublishesOnlyTheChangedClinic()
    {
        await using var broker = await InProcessMqttBroker.StartAsync();
        await SeedClinicsAsync();
        using var host = BuildHost(broker.Url, TimeSpan.FromSeconds(1));
        await host.StartAsync();
        await WaitForRosterAsync(broker, "clinic-b", r => r.Patients.Count == 0);

        // Another host registered this patient: no signal here, so only the periodic refresh can notice.
        await RegisterAsync("p-3", "clinic-b", cardCode: null);

        await WaitForRosterAsync(broker, "clinic-b", r => r.Patients.Count == 1);
        Assert.Single(broker.Published.Messages, m => m.Topic == Topics.Roster("clinic-a"));
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_ZeroRefreshInterval_FailsNamingTheKey()
    {
        using var host = BuildHost("mqtt://127.0.0.1:1", TimeSpan.Zero);

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Alerts:Roster:RefreshInterval", error.Message, StringComparison.Ordinal);
    }

    private static async Task<RosterMessage> WaitForRosterAsync(InProcessMqttBroker broker, string clinicId, Func<RosterMessage, bool> match)
    {
        var messages = await broker.Published.WaitForAsync(all => all.Any(m => m.Topic == Topics.Roster(clinicId) && match(Parse(m))), Timeout);
        var message = messages.Last(m => m.Topic == Topics.Roster(clinicId) && match(Parse(m)));
        Assert.True(message.Retain);
        return Parse(message);
    }

    /// <summary>Every property name and string value of a JSON document, unescaped.</summary>
    private static string DecodedStrings(ReadOnlyMemory<byte> json)
    {
        var all = new System.Text.StringBuilder();
        var reader = new Utf8JsonReader(json.Span);
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
            {
                all.Append(reader.GetString()).Append('\n');
            }
        }

        return all.ToString();
    }

    private static RosterMessage Parse(CollectedMqttMessage message) =>
        JsonSerializer.Deserialize(message.Payload.Span, ContractJsonContext.Default.RosterMessage)!;

    private IHost BuildHost(string brokerUrl, TimeSpan refresh)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mqtt:Url"] = brokerUrl,
            ["Storage:Registry"] = _registry,
            ["Alerts:Roster:RefreshInterval"] = refresh.ToString(),
        });
        builder.AddAlerting();
        return builder.Build();
    }

    private async Task SeedClinicsAsync()
    {
        var database = new RegistryDatabase(_registry);
        await database.EnsureMigratedAsync(default);
        await using var db = database.CreateContext();
        db.Clinics.AddRange(new Clinic { Id = "clinic-a", Name = "A" }, new Clinic { Id = "clinic-b", Name = "B" });
        await db.SaveChangesAsync();
    }

    private async Task RegisterAsync(string patientId, string clinicId, string? cardCode)
    {
        var database = new RegistryDatabase(_registry);
        var directory = new PatientDirectory(database, _protector, TimeProvider.System);
        await directory.RegisterAsync(
            new NewPatient(patientId, clinicId, null, new DateOnly(1949, 12, 31), Name, NationalId + patientId, Phone, null, [Conditions.Hypertension]),
            "test",
            default);
        if (cardCode is not null)
        {
            await using var db = database.CreateContext();
            var patient = await db.Patients.SingleAsync(p => p.Id == patientId);
            patient.CardCodeHash = CardCodeHash.Compute(clinicId, cardCode);
            await db.SaveChangesAsync();
        }
    }
}
