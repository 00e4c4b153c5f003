using System.Net.Http.Json;

namespace CloudClinic.Dashboard.Tests.Infrastructure;

/// <summary>The unassigned-readings API as the page calls it: POST with the anti-forgery header.</summary>
internal static class UnassignedCalls
{
    public static async Task<HttpResponseMessage> AssignAsync(HttpClient http, string? clinic, string? readingId, string? patientId)
    {
        var token = await TestAccounts.AntiforgeryAsync(http);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/unassigned/assign", UriKind.Relative))
        {
            Content = JsonContent.Create(new { clinic, readingId, patientId }),
        };
        request.Headers.Add(token.Header, token.Value);
        return await http.SendAsync(request);
    }

    /// <summary>Some minutes ago by the real clock, so inside the API's "last N days" window.</summary>
    public static DateTimeOffset MinutesAgo(int minutes) => TimeProvider.System.GetUtcNow().AddMinutes(-minutes).ToOffset(TimeSpan.FromHours(8));
}
