using System.Net;
using System.Text.Json;
using CloudClinic.Ingestion.Admin;
using CloudClinic.Storage.DeadLetters;
using CloudClinic.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CloudClinic.Ingestion.Tests.Web;

/// <summary><see cref="DeadLetterApi.MapDeadLetterApi"/> in a minimal WebApplication on loopback Kestrel, over a real SQLite store.</summary>
public sealed class DeadLetterApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("cloudclinic-deadletter-api-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private SqliteDeadLetterStore _store = null!;
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        _store = new SqliteDeadLetterStore($"Data Source={Path.Combine(_directory, "registry.db")}");
        await _store.EnsureCreatedAsync(CancellationToken.None);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<IDeadLetterStore>(_store);
        _app = builder.Build();
        _app.MapDeadLetterApi("/ops/dead");
        await _app.StartAsync();
        _http.BaseAddress = new Uri(_app.Urls.Single());
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task List_TextAndBinaryPayloads_NewestFirstWithTextOnlyForUtf8()
    {
        await _store.AddAsync(DeadLetter.Create("t/1", "malformed reading JSON", "{bad"u8, At), CancellationToken.None);
        await _store.AddAsync(DeadLetter.Create("t/2", "not UTF-8", [0xff, 0xfe, 0x00], At.AddSeconds(1)), CancellationToken.None);

        using var json = JsonDocument.Parse(await _http.GetStringAsync(new Uri("/ops/dead", UriKind.Relative)));

        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("total").GetInt64());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["t/2", "t/1"], items.Select(i => i.GetProperty("topic").GetString()));
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("payloadText").ValueKind);
        Assert.Equal("//4A", items[0].GetProperty("payloadBase64").GetString());
        Assert.Equal("{bad", items[1].GetProperty("payloadText").GetString());
        Assert.Equal("malformed reading JSON", items[1].GetProperty("reason").GetString());
        Assert.False(items[1].GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task List_LimitOne_ReturnsNewestAndTotal()
    {
        for (var i = 0; i < 3; i++)
        {
            await _store.AddAsync(DeadLetter.Create($"t/{i}", "r", "x"u8, At.AddSeconds(i)), CancellationToken.None);
        }

        using var json = JsonDocument.Parse(await _http.GetStringAsync(new Uri("/ops/dead?limit=1", UriKind.Relative)));

        Assert.Equal(3, json.RootElement.GetProperty("total").GetInt64());
        Assert.Equal("t/2", Assert.Single(json.RootElement.GetProperty("items").EnumerateArray()).GetProperty("topic").GetString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("201")]
    public async Task List_LimitOutOfRange_400NamingTheLimit(string limit)
    {
        using var response = await _http.GetAsync(new Uri($"/ops/dead?limit={limit}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("limit must be between 1 and 200", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
