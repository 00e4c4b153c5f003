using System.Net;
using System.Text;
using CloudClinic.Dashboard.ApiKeys;
using CloudClinic.Dashboard.Tests.Infrastructure;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using CloudClinic.Testing;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.Tests;

/// <summary>
/// <c>add-api-key</c> / <c>revoke-api-key</c> / <c>list-api-keys</c> against the dashboard's real registry, and that
/// the registry file holds the key's hash but never the key.
/// </summary>
public sealed class ApiKeyCommandTests(ApiKeyDashboardFixture fixture) : IClassFixture<ApiKeyDashboardFixture>
{
    [Fact]
    public async Task AddApiKey_ClinicScope_PrintsAWorkingKeyOnceAndRevokeStopsIt()
    {
        var output = new StringWriter();

        var exit = await ApiKeyCommand.RunAsync(fixture.Dashboard.Services, ApiKeyCommand.AddName, ["hospital his", "clinic:cli-clinic"], output);

        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("created clinic cli-clinic", lines);
        var key = Assert.Single(lines, l => l.StartsWith(ApiKeyFormat.Prefix, StringComparison.Ordinal));
        Assert.True(ApiKeyFormat.TryGetId(key, out var id));
        using var http = fixture.KeyClient(key);
        using var before = await http.GetAsync(new Uri("/api/v1/patients", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        var listed = new StringWriter();
        Assert.Equal(0, await ApiKeyCommand.RunAsync(fixture.Dashboard.Services, ApiKeyCommand.ListName, [], listed));
        Assert.Contains($"{id}\thospital his\tclinic:cli-clinic", listed.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed.ToString(), StringComparison.Ordinal);

        var revoked = new StringWriter();
        Assert.Equal(0, await ApiKeyCommand.RunAsync(fixture.Dashboard.Services, ApiKeyCommand.RevokeName, [id], revoked));
        using var after = await http.GetAsync(new Uri("/api/v1/patients", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        await using var db = fixture.Dashboard.GetRequiredService<RegistryDatabase>().CreateContext();
        var row = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == id);
        Assert.Equal((ApiKeyCommand.AddName, ApiKeyCommand.RevokeName, UserRoles.ClinicAdmin), (row.CreatedBy, row.RevokedBy, row.Role));
    }

    [Fact]
    public async Task AddApiKey_AsDashboardProcess_PrintsTheKeyWhoseHashIsStored()
    {
        using var data = new TempDirectory();
        var registry = $"Data Source={Path.Combine(data.Path, "registry.db")}";
        var environment = new Dictionary<string, string?>
        {
            ["Storage__Registry"] = registry,
            ["Mqtt__Url"] = "mqtt://127.0.0.1:1883",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        var dll = Path.Combine(AppContext.BaseDirectory, "CloudClinic.Dashboard.dll");
        await using var process = ChildProcess.Start("dotnet", [dll, ApiKeyCommand.AddName, "county his", "county"], environment, data.Path);

        await process.WaitForOutputAsync(ApiKeyFormat.Prefix, TimeSpan.FromSeconds(60));

        var key = process.Output.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith(ApiKeyFormat.Prefix, StringComparison.Ordinal));
        Assert.True(ApiKeyFormat.TryGetId(key, out var id));
        var database = new RegistryDatabase(registry);
        await database.EnsureMigratedAsync(CancellationToken.None);
        await using var db = database.CreateContext();
        var row = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == id);
        Assert.Equal((ApiKeyFormat.Hash(key), UserRoles.CountyAdmin, (string?)null, "county his"), (row.KeyHash, row.Role, row.ClinicId, row.Name));
    }

    [Theory]
    [InlineData(ApiKeyCommand.AddName, new[] { "only-a-name" })]
    [InlineData(ApiKeyCommand.AddName, new[] { "erp", "clinic:Bad_Id" })]
    [InlineData(ApiKeyCommand.AddName, new[] { "erp", "grid:x" })]
    [InlineData(ApiKeyCommand.AddName, new[] { "", "county" })]
    [InlineData(ApiKeyCommand.RevokeName, new string[0])]
    public async Task Run_BadUsage_Exits2AndMakesNoKey(string command, string[] args)
    {
        var before = await CountKeysAsync();
        var output = new StringWriter();

        var exit = await ApiKeyCommand.RunAsync(fixture.Dashboard.Services, command, args, output);

        Assert.Equal(2, exit);
        Assert.Contains("usage:", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountKeysAsync());
    }

    [Fact]
    public async Task RevokeApiKey_UnknownId_Exits1()
    {
        var exit = await ApiKeyCommand.RunAsync(fixture.Dashboard.Services, ApiKeyCommand.RevokeName, ["ffffffffffffffff"], new StringWriter());

        Assert.Equal(1, exit);
    }

    [Fact]
    public async Task AddApiKey_Stored_RegistryFileHoldsOnlyTheHash()
    {
        var output = new StringWriter();
        await ApiKeyCommand.RunAsync(fixture.Dashboard.Services, ApiKeyCommand.AddName, ["storage check", "county"], output);
        var key = output.ToString().Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith(ApiKeyFormat.Prefix, StringComparison.Ordinal));
        var secret = key[(ApiKeyFormat.Prefix.Length + ApiKeyFormat.IdLength + 1)..];

        // The registry is SQLite in WAL mode: the row may still be in the -wal file, so read every file of it.
        var bytes = Directory.GetFiles(fixture.DataDirectory, "registry.db*").SelectMany(ReadShared).ToArray();
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Contains(ApiKeyFormat.Hash(key), text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(key, text, StringComparison.Ordinal);
    }

    private static byte[] ReadShared(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        file.CopyTo(copy);
        return copy.ToArray();
    }

    private async Task<int> CountKeysAsync()
    {
        await fixture.Dashboard.EnsureAccountsAsync();
        await using var db = fixture.Dashboard.GetRequiredService<RegistryDatabase>().CreateContext();
        return await db.ApiKeys.CountAsync();
    }
}
