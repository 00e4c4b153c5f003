using CloudClinic.Contracts;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.Extensions.DependencyInjection;

namespace CloudClinic.Dashboard.Tests.Infrastructure;

/// <summary>
/// Registry rows for the grid page's tests: a grid (with its clinic) and its grid worker, patients with their
/// last-measured time, alerts and open grid-worker tasks, as the alert engine would have left them.
/// </summary>
public static class GridSeed
{
    /// <summary>Creates the clinic (if new), the grid and a grid worker "worker-{grid}"; returns the worker's id.</summary>
    public static async Task<string> GridWithWorkerAsync(IServiceProvider services, string clinicId, string gridId)
    {
        var database = services.GetRequiredService<RegistryDatabase>();
        await database.EnsureMigratedAsync(CancellationToken.None);
        await using (var db = database.CreateContext())
        {
            if (await db.Clinics.FindAsync(clinicId) is null)
            {
                db.Clinics.Add(new Clinic { Id = clinicId, Name = clinicId });
            }

            db.Grids.Add(new Grid { Id = gridId, ClinicId = clinicId, Name = "网格 " + gridId });
            await db.SaveChangesAsync();
        }

        var worker = "worker-" + gridId;
        await services.GetRequiredService<UserAccounts>().SetAsync(
            new User { Id = worker, DisplayName = "网格员 " + gridId, Role = UserRoles.GridWorker, ClinicId = clinicId, GridId = gridId },
            TestAccounts.Password(worker), "test", CancellationToken.None);
        return worker;
    }

    public static async Task PatientAsync(
        IServiceProvider services, string clinicId, string gridId, string patientId, string maskedName, DateTimeOffset registeredAt, DateTimeOffset? lastReadingAt)
    {
        await using var db = services.GetRequiredService<RegistryDatabase>().CreateContext();
        db.Patients.Add(new Patient
        {
            Id = patientId, ClinicId = clinicId, GridId = gridId, MaskedName = maskedName, BirthDate = new DateOnly(1948, 5, 1),
            RegisteredAt = registeredAt, LastReadingAt = lastReadingAt,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>An open "not measured" alert and its open grid-worker task, as the engine raises them; returns the task id.</summary>
    public static async Task<long> NotMeasuredTaskAsync(IServiceProvider services, string clinicId, string gridId, string patientId, DateTimeOffset createdAt, string role = UserRoles.GridWorker)
    {
        await using var db = services.GetRequiredService<RegistryDatabase>().CreateContext();
        var alertId = "not-measured-" + patientId;
        db.Alerts.Add(new Alert
        {
            Id = alertId, Rule = "not-measured", Severity = AlertSeverities.Task, State = AlertStates.Open, ClinicId = clinicId, GridId = gridId,
            PatientId = patientId, OpenKey = "not-measured|patient|" + patientId, RaisedAt = createdAt, UpdatedAt = createdAt,
        });
        var task = new CareTask
        {
            AlertId = alertId, ClinicId = clinicId, GridId = gridId, PatientId = patientId, AssigneeRole = role,
            Kind = role == UserRoles.GridWorker ? "remind-or-visit" : "follow-up", CreatedAt = createdAt,
        };
        db.Tasks.Add(task);
        await db.SaveChangesAsync();
        return task.Id;
    }

    /// <summary>A gateway of the clinic online for a month: the engine does not hold back "not measured" for it.</summary>
    public static async Task LongOnlineGatewayAsync(IServiceProvider services, string clinicId, string gatewayId, DateTimeOffset now)
    {
        await using var db = services.GetRequiredService<RegistryDatabase>().CreateContext();
        db.Gateways.Add(new GatewayState { ClinicId = clinicId, GatewayId = gatewayId, State = GatewayStates.Online, LastSeenAt = now, OnlineSince = now.AddDays(-30) });
        await db.SaveChangesAsync();
    }

    public static async Task AlertAsync(
        IServiceProvider services, string alertId, string clinicId, string gridId, string patientId, string severity, DateTimeOffset raisedAt, string valuesJson, string flagsJson = "[]")
    {
        await using var db = services.GetRequiredService<RegistryDatabase>().CreateContext();
        var rule = severity == AlertSeverities.Urgent ? "bp-urgent" : "bp-above-target";
        db.Alerts.Add(new Alert
        {
            Id = alertId, Rule = rule, Severity = severity, State = AlertStates.Open,
            ClinicId = clinicId, GridId = gridId, PatientId = patientId, OpenKey = $"{rule}|patient|{patientId}", RaisedAt = raisedAt, UpdatedAt = raisedAt,
            ValuesJson = valuesJson, FlagsJson = flagsJson,
        });
        await db.SaveChangesAsync();
    }
}
