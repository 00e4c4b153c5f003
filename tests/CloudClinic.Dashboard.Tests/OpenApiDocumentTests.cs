using System.Net;
using System.Text.Json.Nodes;
using CloudClinic.Dashboard.Tests.Infrastructure;

namespace CloudClinic.Dashboard.Tests;

/// <summary>
/// <c>/openapi/v1.json</c>: served without sign-in, describes exactly the integration endpoints with the API-key
/// scheme, and matches the checked-in docs/openapi-v1.json. Regenerate that copy with
/// <c>CLOUDCLINIC_UPDATE_OPENAPI=1 dotnet test tests/CloudClinic.Dashboard.Tests --filter FullyQualifiedName~OpenApiDocumentTests</c>.
/// </summary>
public sealed class OpenApiDocumentTests(ApiKeyDashboardFixture fixture) : IClassFixture<ApiKeyDashboardFixture>
{
    public const string UpdateVariable = "CLOUDCLINIC_UPDATE_OPENAPI";

    private static readonly string CheckedIn = Path.Combine(RepoPaths.Root, "docs", "openapi-v1.json");

    [Fact]
    public async Task GetDocument_Anonymous_DescribesTheIntegrationPathsWithTheApiKeyScheme()
    {
        using var http = fixture.Dashboard.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });

        using var response = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["/api/v1/alerts", "/api/v1/patients", "/api/v1/patients/{id}/readings"], paths);
        var scheme = document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal("apiKey", scheme["type"]!.GetValue<string>());
        Assert.Equal("header", scheme["in"]!.GetValue<string>());
        Assert.Equal("X-Api-Key", scheme["name"]!.GetValue<string>());
        var requirement = Assert.Single(document["security"]!.AsArray())!.AsObject();
        Assert.Equal("ApiKey", Assert.Single(requirement).Key);
        Assert.Null(document["servers"]);
    }

    [Fact]
    public async Task GetDocument_CheckedInCopy_IsCurrent()
    {
        using var http = fixture.Dashboard.CreateClient(new() { HandleCookies = false });
        var served = await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(CheckedIn, served.ReplaceLineEndings("\n").TrimEnd() + "\n");
        }

        Assert.True(File.Exists(CheckedIn), $"{CheckedIn} is missing; run the tests once with {UpdateVariable}=1 and commit it.");
        var current = JsonNode.Parse(await File.ReadAllTextAsync(CheckedIn));
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(served), current),
            $"docs/openapi-v1.json is stale: the API changed. Regenerate it with {UpdateVariable}=1 (see {nameof(OpenApiDocumentTests)}) and commit it.");
    }
}
