using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudClinic.Registry.Tests;

/// <summary>A host with a bad <c>Registry:EncryptionKey</c> does not start, and says which key without echoing it.</summary>
public sealed class PersonalDataOptionsTests : IDisposable
{
    private readonly TempRegistry _registry = new();

    public void Dispose() => _registry.Dispose();

    public static TheoryData<string> WrongKeys => new()
    {
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)), // AES-128 sized
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(33)),
        "s3cr3t-passphrase-not-base64!!",
    };

    [Theory]
    [MemberData(nameof(WrongKeys))]
    public async Task StartAsync_WrongKey_FailsNamingTheKeyWithoutItsValue(string key)
    {
        using var host = Build(key);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var message = string.Join("; ", ex.Failures);
        Assert.Contains("Registry:EncryptionKey", message, StringComparison.Ordinal);
        Assert.Contains("32 bytes", message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_NoKey_FailsNamingTheKey()
    {
        using var host = Build(null);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Registry:EncryptionKey must be set", string.Join("; ", ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_GoodKey_StartsAndMigrates()
    {
        using var host = Build(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal(0, await _registry.ScalarAsync("SELECT COUNT(*) FROM patients"));
    }

    private IHost Build(string? key)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Registry"] = _registry.ConnectionString,
            ["Registry:EncryptionKey"] = key,
        });
        builder.AddPatientDirectory();
        return builder.Build();
    }
}
