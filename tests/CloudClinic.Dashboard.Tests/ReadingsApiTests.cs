using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CloudClinic.Contracts;
using CloudClinic.Dashboard.Tests.Infrastructure;
using CloudClinic.Storage;

namespace CloudClinic.Dashboard.Tests;

/// <summary><c>GET /api/readings/latest</c> over the real SQLite reading store.</summary>
public sealed class ReadingsApiTests(LiveDashboardFixture live) : IClassFixture<LiveDashboardFixture>
{
    [Fact]
    public async Task Latest_StoredReadings_ReturnsClinicsNewestFirstUpToLimit()
    {
        var store = live.Dashboard.GetRequiredService<IReadingStore>();
        await store.WriteAsync(
            [
                Samples.BloodPressure("clinic-api", "gw-1", "api-1", 130, 85, Samples.Morning),
                Samples.Glucose("clinic-api", "gw-1", "api-2", 7.2, Samples.Morning.AddMinutes(5)),
                Samples.BloodPressure("clinic-api", "gw-1", "api-3", 182, 112, Samples.Morning.AddMinutes(10), patientId: "p-0042"),
                Samples.BloodPressure("clinic-elsewhere", "gw-9", "api-other", 120, 80, Samples.Morning.AddMinutes(20)),
            ],
            CancellationToken.None);
        using var http = await live.Dashboard.SignedInClientAsync();

        var readings = await http.GetFromJsonAsync(
            new Uri("/api/readings/latest?clinic=clinic-api&limit=2", UriKind.Relative),
            ContractJsonContext.Default.ReadingMessageArray);

        Assert.NotNull(readings);
        Assert.Equal(["api-3", "api-2"], readings.Select(r => r.ReadingId));
        Assert.Equal(182, readings[0].Systolic);
        Assert.Equal("p-0042", readings[0].PatientId);
        Assert.Equal(MealContexts.Postprandial, readings[1].Meal);
    }

    [Fact]
    public async Task Latest_ResponseJson_IsTheWireContractsCamelCase()
    {
        var store = live.Dashboard.GetRequiredService<IReadingStore>();
        await store.WriteAsync([Samples.BloodPressure("clinic-json", "gw-1", "json-1", 141, 91, Samples.Morning)], CancellationToken.None);
        using var http = await live.Dashboard.SignedInClientAsync();

        var body = await http.GetStringAsync(new Uri("/api/readings/latest?clinic=clinic-json", UriKind.Relative));

        using var json = JsonDocument.Parse(body);
        var first = json.RootElement[0];
        Assert.Equal("json-1", first.GetProperty("readingId").GetString());
        Assert.Equal(141, first.GetProperty("systolic").GetDouble());
        Assert.False(first.TryGetProperty("patientId", out _), "nulls are omitted on the wire: " + body);
    }

    [Theory]
    [InlineData("/api/readings/latest?clinic=Clinic_A", "clinic")]
    [InlineData("/api/readings/latest?limit=5", "clinic")]
    [InlineData("/api/readings/latest?clinic=clinic-a&limit=0", "limit")]
    [InlineData("/api/readings/latest?clinic=clinic-a&limit=100000", "limit")]
    public async Task Latest_BadQuery_Returns400NamingTheParameter(string url, string parameter)
    {
        using var http = await live.Dashboard.SignedInClientAsync();

        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), await response.Content.ReadAsStringAsync());
    }
}
