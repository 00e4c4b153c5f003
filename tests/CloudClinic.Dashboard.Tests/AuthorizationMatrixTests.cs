using System.Net;
using System.Net.Http.Json;
using CloudClinic.Alerts.CarePlans;
using CloudClinic.Contracts;
using CloudClinic.Dashboard.Tests.Infrastructure;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.AspNetCore.SignalR.Client;
using static CloudClinic.Dashboard.Tests.Infrastructure.TestAccounts;

namespace CloudClinic.Dashboard.Tests;

/// <summary>
/// Every /api endpoint and the hub × every role × own/other clinic (issue 7): only the allowed cells succeed, every
/// other cell is 403, and every cell is 401 without a sign-in. API keys get a column per scope on the integration API
/// (/api/v1) and are refused (401) everywhere else.
/// </summary>
public sealed class AuthorizationMatrixTests(LiveDashboardFixture live) : IClassFixture<LiveDashboardFixture>
{
    private const string PatientA = "pat-a1";
    private const string PatientB = "pat-b1";

    public static TheoryData<string, string, bool, bool> Reads()
    {
        // (endpoint template, role, own clinic?, allowed?)
        var data = new TheoryData<string, string, bool, bool>();
        var clinicWide = new[]
        {
            "/api/readings/latest?clinic={c}", "/api/readings/today?clinic={c}", "/api/gateways?clinic={c}", "/api/webhooks?clinic={c}",
            "/api/unassigned?clinic={c}", "/api/unassigned/patients?clinic={c}",
        };
        var anyoneInClinic = new[] { "/api/clinic?clinic={c}", "/api/alerts/recent?clinic={c}", "/api/alerts/open?clinic={c}", "/api/alerts/history?clinic={c}&days=7" }.Concat(IntegrationClinic);
        var patient = new[] { "/api/patients/{p}/targets", "/api/patients/{p}/history?days=7", "/api/patients/{p}/care-plan" }.Concat(IntegrationPatient);
        // The grid page: clinic A's grid A1 is the grid worker's own; clinic B's grid B1 is nobody's here but the county's.
        var grid = new[] { "/api/grid/work?grid={g}" };
        foreach (var own in new[] { true, false })
        {
            foreach (var role in Roles)
            {
                foreach (var url in clinicWide)
                {
                    data.Add(url, role, own, role == CountyAdmin || (own && role != GridWorker));
                }

                foreach (var url in anyoneInClinic.Concat(patient).Concat(grid))
                {
                    data.Add(url, role, own, role == CountyAdmin || own);
                }

                // Integration keys are managed by the admins of the place.
                data.Add("/api/api-keys?clinic={c}", role, own, role == CountyAdmin || (own && role == ClinicAdmin));
            }
        }

        return data;
    }

    /// <summary>The integration API (/api/v1): signed-in users as above, and API keys (column per key scope below).</summary>
    private static readonly string[] IntegrationClinic = ["/api/v1/alerts?clinic={c}", "/api/v1/patients?clinic={c}"];

    private static readonly string[] IntegrationPatient = ["/api/v1/patients/{p}/readings"];

    public static TheoryData<string, string, bool, bool> KeyReads()
    {
        // (endpoint template, key scope, own clinic?, allowed?): a clinic key sees its clinic, a county key every clinic.
        var data = new TheoryData<string, string, bool, bool>();
        foreach (var url in IntegrationClinic.Concat(IntegrationPatient))
        {
            foreach (var own in new[] { true, false })
            {
                data.Add(url, "clinic:" + ClinicA, own, own);
                data.Add(url, "county", own, true);
            }
        }

        return data;
    }

    public static TheoryData<string> BrowserOnly()
    {
        // Every endpoint of the browser API: an API key is refused (401) on all of them, whatever its scope.
        var data = new TheoryData<string>();
        foreach (var url in Reads().Select(row => (string)row[0]).Distinct().Where(u => !u.StartsWith("/api/v1/", StringComparison.Ordinal)))
        {
            data.Add(url);
        }

        return data;
    }

    public static TheoryData<string, string, bool, bool> Actions()
    {
        var data = new TheoryData<string, string, bool, bool>();
        foreach (var action in new[] { "acknowledge", "resolve", "snooze" })
        {
            foreach (var own in new[] { true, false })
            {
                foreach (var role in Roles)
                {
                    // Clinical actions: doctors and grid workers within what they see; admins only look.
                    data.Add(action, role, own, own && role is Doctor or GridWorker);
                }
            }
        }

        return data;
    }

    public static TheoryData<string, string, string, bool, bool> AdminCalls()
    {
        // (method, endpoint template, role, own clinic?, allowed?): admins only, a clinic admin only for their clinic.
        var data = new TheoryData<string, string, string, bool, bool>();
        var perClinic = new[]
        {
            ("GET", "/api/admin/grids?clinic={c}"), ("GET", "/api/admin/users?clinic={c}"), ("GET", "/api/admin/patients?clinic={c}"),
            ("GET", "/api/admin/patients/{p}/care-plan"), ("POST", "/api/admin/patients/import?clinic={c}&dryRun=true"),
            ("POST", "/api/admin/grids"), ("POST", "/api/admin/users/{u}/unlock"), ("PUT", "/api/admin/patients/{p}"),
        };
        foreach (var own in new[] { true, false })
        {
            foreach (var role in Roles)
            {
                foreach (var (method, url) in perClinic)
                {
                    data.Add(method, url, role, own, role == CountyAdmin || (own && role == ClinicAdmin));
                }

                // Clinics are the county's: only a county admin creates one.
                data.Add("POST", "/api/admin/clinics", role, own, role == CountyAdmin);
            }
        }

        return data;
    }

    public static TheoryData<string, string, bool, bool> CarePlanChanges()
    {
        // (method, role, own clinic?, allowed?): the patient page's care plan is the clinic's doctors' to change, and the
        // admins' in scope as on the admin page; a grid worker reads it (Reads above) but never changes it.
        var data = new TheoryData<string, string, bool, bool>();
        foreach (var method in new[] { "PUT", "DELETE" })
        {
            foreach (var own in new[] { true, false })
            {
                foreach (var role in Roles)
                {
                    data.Add(method, role, own, role == CountyAdmin || (own && role is Doctor or ClinicAdmin));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CarePlanChanges))]
    public async Task PatientCarePlan_RoleAndClinic_OnlyAllowedCellsSucceed(string method, string role, bool own, bool allowed)
    {
        await SeedAsync();
        var url = new Uri($"/api/patients/{(own ? PatientA : PatientB)}/care-plan", UriKind.Relative);
        HttpContent? Body() => method == "PUT" ? JsonContent.Create(CarePlanDefaults.For(70, [])) : null;
        using var http = await live.Dashboard.SignedInClientAsync(role);
        var token = await AntiforgeryAsync(http);
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = Body() };
        request.Headers.Add(token.Header, token.Value);
        using var anonymous = live.Dashboard.CreateClient();
        using var unsignedRequest = new HttpRequestMessage(new HttpMethod(method), url) { Content = Body() };
        using var keyed = await KeyClientAsync("county");
        using var keyedRequest = new HttpRequestMessage(new HttpMethod(method), url) { Content = Body() };

        using var response = await http.SendAsync(request);
        using var unsigned = await anonymous.SendAsync(unsignedRequest);
        using var withKey = await keyed.SendAsync(keyedRequest);

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withKey.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AdminCalls))]
    public async Task Admin_RoleAndClinic_OnlyAllowedCellsSucceed(string method, string template, string role, bool own, bool allowed)
    {
        await SeedAsync();
        await AddOtherClinicDoctorAsync();
        var clinic = own ? ClinicA : ClinicB;
        var url = template.Replace("{c}", clinic, StringComparison.Ordinal)
            .Replace("{p}", own ? PatientA : PatientB, StringComparison.Ordinal)
            .Replace("{u}", own ? Doctor : OtherClinicDoctor, StringComparison.Ordinal);
        var unique = $"m-{role}-{(own ? "own" : "other")}".ToLowerInvariant();
        HttpContent? Body() => template switch
        {
            _ when template.Contains("/import", StringComparison.Ordinal) => new StringContent("姓名,身份证号\n张三丰,11010519491231002X\n", System.Text.Encoding.UTF8, "text/csv"),
            "/api/admin/grids" => JsonContent.Create(new { id = unique, clinicId = clinic, name = "G" }),
            "/api/admin/clinics" => JsonContent.Create(new { id = unique, name = "C" }),
            "/api/admin/patients/{p}" => JsonContent.Create(new { conditions = new[] { "hypertension" } }), // grid and the rest kept
            _ => method == "GET" ? null : JsonContent.Create(new { }),
        };
        using var http = await live.Dashboard.SignedInClientAsync(role);
        var token = await AntiforgeryAsync(http);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative)) { Content = Body() };
        request.Headers.Add(token.Header, token.Value);
        using var anonymous = live.Dashboard.CreateClient();
        using var unsignedRequest = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative)) { Content = Body() };

        using var response = await http.SendAsync(request);
        using var unsigned = await anonymous.SendAsync(unsignedRequest);

        Assert.True(allowed ? response.IsSuccessStatusCode : response.StatusCode == HttpStatusCode.Forbidden, $"{method} {url} as {role}: {(int)response.StatusCode}");
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Get_RoleAndClinic_OnlyAllowedCellsSucceed(string template, string role, bool own, bool allowed)
    {
        await SeedAsync();
        var url = template.Replace("{c}", own ? ClinicA : ClinicB, StringComparison.Ordinal).Replace("{p}", own ? PatientA : PatientB, StringComparison.Ordinal)
            .Replace("{g}", own ? GridA : GridB, StringComparison.Ordinal);
        using var http = await live.Dashboard.SignedInClientAsync(role);
        using var anonymous = live.Dashboard.CreateClient();

        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
        using var unsigned = await anonymous.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task PostAlertAction_RoleAndClinic_OnlyAllowedCellsSucceed(string action, string role, bool own, bool allowed)
    {
        await SeedAsync();
        var alertId = $"alert-{action}-{role}-{(own ? "own" : "other")}";
        await AddAlertAsync(alertId, own ? ClinicA : ClinicB, own ? GridA : GridB, own ? PatientA : PatientB);
        using var http = await live.Dashboard.SignedInClientAsync(role);
        var token = await AntiforgeryAsync(http);
        var body = JsonContent.Create(new { note = "seen", snoozeMinutes = 30 });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/alerts/{alertId}/{action}", UriKind.Relative)) { Content = body };
        request.Headers.Add(token.Header, token.Value);
        using var anonymous = live.Dashboard.CreateClient();

        using var response = await http.SendAsync(request);
        using var unsigned = await anonymous.PostAsJsonAsync(new Uri($"/api/alerts/{alertId}/{action}", UriKind.Relative), new { note = "x", snoozeMinutes = 30 });

        // 200 with the event; 204 for a snooze whose (patient, rule) has no alert under the engine's open key.
        Assert.Equal(allowed, response.IsSuccessStatusCode);
        Assert.Equal(allowed ? (action == "snooze" ? HttpStatusCode.NoContent : HttpStatusCode.OK) : HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }

    public static TheoryData<string, bool, bool> TaskCloses()
    {
        var data = new TheoryData<string, bool, bool>();
        foreach (var own in new[] { true, false })
        {
            foreach (var role in Roles)
            {
                // Closing a grid task is a clinical action, like acknowledging an alert.
                data.Add(role, own, own && role is Doctor or GridWorker);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TaskCloses))]
    public async Task PostTaskClose_RoleAndClinic_OnlyAllowedCellsSucceed(string role, bool own, bool allowed)
    {
        await SeedAsync();
        var taskId = await AddTaskAsync(own ? ClinicA : ClinicB, own ? GridA : GridB, own ? PatientA : PatientB);
        using var http = await live.Dashboard.SignedInClientAsync(role);
        var token = await AntiforgeryAsync(http);
        var url = new Uri($"/api/grid/tasks/{taskId}/close", UriKind.Relative);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { outcome = "visited", note = "ok" }) };
        request.Headers.Add(token.Header, token.Value);
        using var anonymous = live.Dashboard.CreateClient();

        using var response = await http.SendAsync(request);
        using var unsigned = await anonymous.PostAsJsonAsync(url, new { outcome = "visited" });

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }

    public static TheoryData<string, bool, bool> Assignments()
    {
        // Assigning a reading is clinic-wide data work: the clinic's doctors and admins, the county admin; no grid worker.
        var data = new TheoryData<string, bool, bool>();
        foreach (var own in new[] { true, false })
        {
            foreach (var role in Roles)
            {
                data.Add(role, own, role == CountyAdmin || (own && role != GridWorker));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Assignments))]
    public async Task PostAssignReading_RoleAndClinic_OnlyAllowedCellsSucceed(string role, bool own, bool allowed)
    {
        await SeedAsync();
        var clinic = own ? ClinicA : ClinicB;
        var readingId = $"assign-{role}-{(own ? "own" : "other")}";
        var store = live.Dashboard.GetRequiredService<CloudClinic.Storage.IReadingStore>();
        await store.WriteAsync([Samples.Glucose(clinic, "gw-1", readingId, 6.0, UnassignedCalls.MinutesAgo(2))], CancellationToken.None);
        using var http = await live.Dashboard.SignedInClientAsync(role);
        using var anonymous = live.Dashboard.CreateClient();

        using var response = await UnassignedCalls.AssignAsync(http, clinic, readingId, own ? PatientA : PatientB);
        using var unsigned = await anonymous.PostAsJsonAsync(
            new Uri("/api/unassigned/assign", UriKind.Relative), new { clinic, readingId, patientId = own ? PatientA : PatientB });

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }

    [Theory]
    [MemberData(nameof(KeyReads))]
    public async Task GetIntegration_ApiKeyScopeAndClinic_OnlyAllowedCellsSucceed(string template, string keyScope, bool own, bool allowed)
    {
        await SeedAsync();
        var url = template.Replace("{c}", own ? ClinicA : ClinicB, StringComparison.Ordinal).Replace("{p}", own ? PatientA : PatientB, StringComparison.Ordinal);
        using var http = await KeyClientAsync(keyScope);

        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(BrowserOnly))]
    public async Task GetBrowserApi_WithApiKey_Returns401(string template)
    {
        await SeedAsync();
        var url = template.Replace("{c}", ClinicA, StringComparison.Ordinal).Replace("{p}", PatientA, StringComparison.Ordinal);
        using var http = await KeyClientAsync("county");

        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("acknowledge")]
    [InlineData("resolve")]
    [InlineData("snooze")]
    public async Task PostAlertAction_WithApiKey_Returns401(string action)
    {
        await SeedAsync();
        var alertId = $"alert-key-{action}";
        await AddAlertAsync(alertId, ClinicA, GridA, PatientA);
        using var http = await KeyClientAsync("clinic:" + ClinicA);

        using var response = await http.PostAsJsonAsync(new Uri($"/api/alerts/{alertId}/{action}", UriKind.Relative), new { note = "key", snoozeMinutes = 30 });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PostAlertAction_WithoutAntiforgeryToken_IsRejected()
    {
        await SeedAsync();
        await AddAlertAsync("alert-csrf", ClinicA, GridA, PatientA);
        using var http = await live.Dashboard.SignedInClientAsync(Doctor);

        using var response = await http.PostAsJsonAsync(new Uri("/api/alerts/alert-csrf/acknowledge", UriKind.Relative), new { note = "forged" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Hub_EachRole_GetsOnlyTheEventsOfItsClinicOrGrid()
    {
        await SeedAsync();
        var inboxes = new Dictionary<string, HubInbox>();
        var connections = new List<HubConnection>();
        foreach (var role in Roles)
        {
            // Returns once the hub said Subscribed: before that the last role's connection could miss hub-b (it did on CI).
            var connection = await live.Dashboard.ConnectHubAsync(role);
            connections.Add(connection);
            inboxes[role] = new HubInbox(connection);
        }

        try
        {
            // Other clinic first, then own: once own arrived, the other would have arrived before it.
            await live.Broker.PublishAsync(Topics.Alerts(ClinicB), Samples.Json(Alert("hub-b", ClinicB, GridB, PatientB)));
            await live.Broker.PublishAsync(Topics.Alerts(ClinicA), Samples.Json(Alert("hub-a", ClinicA, GridA, PatientA)));

            foreach (var role in Roles)
            {
                await inboxes[role].WaitForAsync<AlertEventMessage>(a => a.AlertId == "hub-a", LiveDashboardFixture.Timeout);
            }

            await inboxes[CountyAdmin].WaitForAsync<AlertEventMessage>(a => a.AlertId == "hub-b", LiveDashboardFixture.Timeout);
            foreach (var role in new[] { Doctor, GridWorker, ClinicAdmin })
            {
                Assert.DoesNotContain(inboxes[role].All<AlertEventMessage>(), a => a.AlertId == "hub-b");
            }
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Hub_Anonymous_IsRefused()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(live.Dashboard.Server.BaseAddress, Hubs.ClinicHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => live.Dashboard.Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
            })
            .Build();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    private static AlertEventMessage Alert(string id, string clinic, string grid, string patient) => new()
    {
        Schema = AlertEventMessage.SchemaV1, Event = AlertEvents.Raised, AlertId = id, Rule = "bp-urgent", Severity = AlertSeverities.Urgent,
        State = AlertStates.Open, ClinicId = clinic, GridId = grid, PatientId = patient, At = Samples.Morning,
    };

    private async Task<HttpClient> KeyClientAsync(string scope)
    {
        Assert.True(ApiKeys.ApiKeyScope.TryParse(scope, out var parsed));
        var created = await live.Dashboard.GetRequiredService<ApiKeys.ApiKeyStore>().CreateAsync("matrix " + scope, parsed, "test", CancellationToken.None);
        var http = live.Dashboard.CreateClient(new() { HandleCookies = false });
        http.DefaultRequestHeaders.Add(ApiKeys.ApiKeyDefaults.Header, created.Key);
        return http;
    }

    private const string OtherClinicDoctor = "doctor-b";

    private async Task AddOtherClinicDoctorAsync()
    {
        var accounts = live.Dashboard.GetRequiredService<Auth.UserAccounts>();
        await accounts.SetAsync(new User { Id = OtherClinicDoctor, DisplayName = "Doctor B", Role = UserRoles.Doctor, ClinicId = ClinicB }, Password(OtherClinicDoctor), "test", default);
    }

    private async Task SeedAsync()
    {
        await live.Dashboard.EnsureAccountsAsync();
        await AddPatientAsync(live.Dashboard.Services, PatientA, ClinicA, GridA);
        await AddPatientAsync(live.Dashboard.Services, PatientB, ClinicB, GridB);
    }

    private async Task<long> AddTaskAsync(string clinic, string grid, string patient)
    {
        var database = live.Dashboard.GetRequiredService<RegistryDatabase>();
        await using var db = database.CreateContext();
        var task = new CareTask
        {
            AlertId = "not-measured-matrix", ClinicId = clinic, GridId = grid, PatientId = patient, AssigneeRole = UserRoles.GridWorker,
            Kind = "remind-or-visit", CreatedAt = Samples.Morning,
        };
        db.Tasks.Add(task);
        await db.SaveChangesAsync();
        return task.Id;
    }

    private async Task AddAlertAsync(string id, string clinic, string grid, string patient)
    {
        var database = live.Dashboard.GetRequiredService<RegistryDatabase>();
        await using var db = database.CreateContext();
        db.Alerts.Add(new Alert
        {
            Id = id, Rule = "bp-urgent", Severity = AlertSeverities.Urgent, State = AlertStates.Open, ClinicId = clinic, GridId = grid, PatientId = patient,
            OpenKey = $"bp-urgent|{patient}|{id}", RaisedAt = Samples.Morning, UpdatedAt = Samples.Morning,
        });
        await db.SaveChangesAsync();
    }
}
