using System.Security.Claims;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Dashboard.Hubs;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.Api;

/// <summary>
/// The grid worker's phone page (DESIGN.md §7, issue 7):
/// <list type="bullet">
/// <item><c>GET /api/grid/work?grid=…</c>: the grid's open alerts and open grid-worker tasks (<see cref="GridWork"/>);
/// without <c>grid</c> a grid worker's own grid, anyone else's first grid.</item>
/// <item><c>POST /api/grid/tasks/{id}/close</c> with <see cref="TaskClose"/>: done, with how (visited or called) and a
/// note; audited; a second close is 409. Alerts are acknowledged through <c>/api/alerts/{id}/acknowledge</c>.</item>
/// </list>
/// </summary>
internal static class GridApi
{
    /// <summary>The registry's id column length (RegistryModel.IdLength).</summary>
    private const int MaxGridIdLength = 64;

    public static RouteGroupBuilder MapGridApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/grid").WithTags("Grid");
        group.MapGet("/work", WorkAsync);
        group.MapPost("/tasks/{id:long}/close", CloseAsync).AddEndpointFilter<AntiforgeryFilter>();
        return group;
    }

    private static async Task<Results<Ok<GridWork>, ValidationProblem, NotFound, ForbidHttpResult>> WorkAsync(
        string? grid, ClaimsPrincipal user, RegistryDatabase database, TimeProvider time, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(grid) && (grid.Length > MaxGridIdLength || grid.Any(char.IsControl)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["grid"] = [$"grid must be 1 to {MaxGridIdLength} printable characters."] });
        }

        var scope = AccessScope.From(user);
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var choices = await GridReads.ChoicesAsync(db, scope, ct);
        GridChoice? chosen;
        if (string.IsNullOrEmpty(grid))
        {
            chosen = choices.FirstOrDefault(c => scope.Role != UserRoles.GridWorker || c.GridId == scope.GridId);
        }
        else
        {
            var found = await db.Grids.AsNoTracking().SingleOrDefaultAsync(g => g.Id == grid, ct);
            if (found is null)
            {
                return TypedResults.NotFound();
            }

            if (!GridAccess.CanSeeGrid(scope, found))
            {
                return TypedResults.Forbid();
            }

            chosen = new GridChoice(found.Id, found.Name, found.ClinicId);
        }

        var now = time.GetUtcNow();
        if (chosen is null)
        {
            return TypedResults.Ok(new GridWork(null, null, null, choices, [], [], now));
        }

        var alerts = await GridReads.AlertsAsync(db, chosen, scope, ct);
        var tasks = await GridReads.TasksAsync(db, chosen, scope, now, ct);
        return TypedResults.Ok(new GridWork(chosen.GridId, chosen.Name, chosen.ClinicId, choices, alerts, tasks, now));
    }

    private static async Task<Results<Ok<GridTask>, ValidationProblem, NotFound, ForbidHttpResult, ProblemHttpResult>> CloseAsync(
        long id, TaskClose body, ClaimsPrincipal user, RegistryDatabase database, ClinicAudience audience, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.Outcome is null || !CareTaskOutcomes.All.Contains(body.Outcome))
        {
            errors["outcome"] = [$"outcome must be one of: {string.Join(", ", CareTaskOutcomes.All)}."];
        }

        if (body.Note is { Length: > CareTask.MaxNoteLength })
        {
            errors["note"] = [$"note must be at most {CareTask.MaxNoteLength} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var scope = AccessScope.From(user);
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null)
        {
            return TypedResults.NotFound();
        }

        if (!GridAccess.CanCloseTask(scope, task))
        {
            return TypedResults.Forbid();
        }

        var note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim();
        var closed = await TaskClosing.CloseAsync(db, task, scope.UserId, body.Outcome!, note, time.GetUtcNow(), ct);
        if (closed is null)
        {
            var current = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == id, ct);
            return TypedResults.Problem(
                detail: $"task {id} is already {current.State}" + (current.ClosedBy is null ? "." : $" (closed by {current.ClosedBy} at {current.ClosedAt:O})."),
                statusCode: StatusCodes.Status409Conflict,
                title: "task already closed");
        }

        await audience.CareTaskClosedAsync(closed.ClinicId, closed.GridId, closed.Id);
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == closed.PatientId)
            .Select(p => new { p.MaskedName, p.LastReadingAt, p.RegisteredAt }).SingleOrDefaultAsync(ct);
        return TypedResults.Ok(GridReads.ToGridTask(
            closed, patient?.MaskedName, patient?.LastReadingAt, patient?.RegisteredAt ?? closed.CreatedAt, time.GetUtcNow(), scope));
    }
}
