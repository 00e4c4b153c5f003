using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;

namespace CloudClinic.Bench.Dashboard;

/// <summary>
/// The clinic doctor the clients sign in as: created with the dashboard's own <c>add-user</c> command (password from the
/// environment, as an operator would), then signed in once through the form; every client reuses that cookie, the
/// way a doctor's browser tabs share one.
/// </summary>
internal static class BenchAccount
{
    public const string UserId = "bench-doctor";

    public static async Task<string> CreateAsync(string dashboardDll, IDictionary<string, string?> environment)
    {
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { dashboardDll, "add-user", UserId, "doctor", BenchMessages.Clinic })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["CLOUDCLINIC_PASSWORD"] = password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet add-user did not start");
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? password : throw new InvalidOperationException($"add-user failed ({process.ExitCode}): {await errors}");
    }

    public static async Task<CookieContainer> SignInAsync(string baseUrl, string password)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri("/account/antiforgery", UriKind.Relative)));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = UserId,
            ["password"] = password,
            ["returnUrl"] = "/",
            [json.RootElement.GetProperty("formFieldName").GetString()!] = json.RootElement.GetProperty("token").GetString()!,
        });
        using var response = await http.PostAsync(new Uri("/account/signin", UriKind.Relative), form);
        var location = response.Headers.Location?.ToString() ?? "";
        return location.Contains("signin", StringComparison.OrdinalIgnoreCase) || (int)response.StatusCode >= 400
            ? throw new InvalidOperationException($"sign-in refused: {(int)response.StatusCode} {location}")
            : cookies;
    }
}
