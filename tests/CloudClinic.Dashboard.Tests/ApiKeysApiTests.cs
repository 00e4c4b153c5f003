using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CloudClinic.Dashboard.ApiKeys;
using CloudClinic.Dashboard.Tests.Infrastructure;
using static CloudClinic.Dashboard.Tests.Infrastructure.TestAccounts;

namespace CloudClinic.Dashboard.Tests;

/// <summary>
/// The admin endpoints for keys: who may make keys for which clinic, the key shown once and working, revocation,
/// and the anti-forgery check on the POSTs.
/// </summary>
public sealed class ApiKeysApiTests(ApiKeyDashboardFixture fixture) : IClassFixture<ApiKeyDashboardFixture>
{
    public static TheoryData<string, string?, bool> CreateCells() => new()
    {
        // (user, clinic of the new key (null = county-wide), allowed?)
        { ClinicAdmin, ClinicA, true },
        { ClinicAdmin, ClinicB, false },
        { ClinicAdmin, null, false },
        { CountyAdmin, ClinicB, true },
        { CountyAdmin, null, true },
        { Doctor, ClinicA, false },
        { GridWorker, ClinicA, false },
    };

    [Theory]
    [MemberData(nameof(CreateCells))]
    public async Task PostApiKey_RoleAndClinic_OnlyAdminsOfThatPlaceMakeKeys(string user, string? clinic, bool allowed)
    {
        using var http = await fixture.Dashboard.SignedInClientAsync(user);

        using var response = await PostAsync(http, "/api/api-keys", new { name = $"erp {user}", clinicId = clinic });

        Assert.Equal(allowed ? HttpStatusCode.Created : HttpStatusCode.Forbidden, response.StatusCode);
        if (allowed)
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var key = json.RootElement.GetProperty("key").GetString()!;
            Assert.StartsWith("cck_", key, StringComparison.Ordinal);
            Assert.Equal(clinic is null ? "county" : $"clinic:{clinic}", json.RootElement.GetProperty("info").GetProperty("scope").GetString());
            using var keyed = fixture.KeyClient(key);
            using var use = await keyed.GetAsync(new Uri($"/api/v1/alerts?clinic={clinic ?? ClinicA}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, use.StatusCode);
        }
    }

    [Fact]
    public async Task PostRevoke_ByClinicAdmin_KeyIsRefusedAndListedAsRevokedWithoutSecrets()
    {
        using var admin = await fixture.Dashboard.SignedInClientAsync(ClinicAdmin);
        using var created = await PostAsync(admin, "/api/api-keys", new { name = "lab system", clinicId = ClinicA });
        using var createdJson = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var key = createdJson.RootElement.GetProperty("key").GetString()!;
        var id = createdJson.RootElement.GetProperty("info").GetProperty("id").GetString()!;

        using var revoked = await PostAsync(admin, $"/api/api-keys/{id}/revoke", new { });
        using var keyed = fixture.KeyClient(key);
        using var use = await keyed.GetAsync(new Uri("/api/v1/alerts", UriKind.Relative));
        var list = await admin.GetStringAsync(new Uri("/api/api-keys", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, use.StatusCode);
        using var listJson = JsonDocument.Parse(list);
        var row = Assert.Single(listJson.RootElement.EnumerateArray(), k => k.GetProperty("id").GetString() == id);
        Assert.Equal(ClinicAdmin, row.GetProperty("revokedBy").GetString());
        Assert.Equal(ClinicAdmin, row.GetProperty("createdBy").GetString());
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", list, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PostRevoke_OtherClinicsKey_Returns403AndKeyKeepsWorking()
    {
        var other = await fixture.NewKeyAsync(ApiKeyScope.Clinic(ClinicB));
        using var admin = await fixture.Dashboard.SignedInClientAsync(ClinicAdmin);

        using var revoke = await PostAsync(admin, $"/api/api-keys/{other.Info.Id}/revoke", new { });
        using var unknown = await PostAsync(admin, "/api/api-keys/0000000000000000/revoke", new { });
        using var keyed = fixture.KeyClient(other.Key);
        using var use = await keyed.GetAsync(new Uri("/api/v1/alerts", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, use.StatusCode);
    }

    [Fact]
    public async Task PostApiKey_WithoutAntiforgeryToken_IsRejected()
    {
        using var http = await fixture.Dashboard.SignedInClientAsync(CountyAdmin);

        using var response = await http.PostAsJsonAsync(new Uri("/api/api-keys", UriKind.Relative), new { name = "forged", clinicId = ClinicA });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("line\nbreak")]
    public async Task PostApiKey_BadName_Returns400(string name)
    {
        using var http = await fixture.Dashboard.SignedInClientAsync(CountyAdmin);

        using var response = await PostAsync(http, "/api/api-keys", new { name, clinicId = ClinicA });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string url, object body)
    {
        var token = await AntiforgeryAsync(http);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add(token.Header, token.Value);
        return await http.SendAsync(request);
    }
}
