using System.Security.Claims;
using CloudClinic.Alerts.Roster;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Registry;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.Admin;

/// <summary>
/// <c>POST /api/admin/patients/import?clinic=…&amp;dryRun=true|false</c> with the CSV file as the body
/// (docs/roster-import.md): 200 with an <see cref="ImportReport"/> whatever the rows held; 413 over
/// <see cref="RosterImporter.MaxBytes"/>. A real import that wrote rows republishes the clinic's roster.
/// </summary>
internal static class RosterImportApi
{
    public static void MapRosterImportApi(this RouteGroupBuilder admin) => admin.MapPost("/patients/import", ImportAsync);

    private static async Task<IResult> ImportAsync(
        string? clinic, bool? dryRun, ClaimsPrincipal user, HttpContext http, RegistryDatabase database, RosterChangeSignal roster, CancellationToken ct)
    {
        var scope = AccessScope.From(user);
        if (AdminAccess.ResolveClinic(clinic, scope, out var problem) is not { } clinicId)
        {
            return TypedResults.BadRequest(new[] { problem! });
        }

        if (!AdminAccess.CanAdminister(scope, clinicId))
        {
            return TypedResults.Forbid();
        }

        if (http.RequestServices.GetService<RosterImporter>() is not { } importer)
        {
            return AdminAccess.KeyMissing();
        }

        await database.EnsureMigratedAsync(ct);
        await using (var db = database.CreateContext())
        {
            if (!await db.Clinics.AnyAsync(c => c.Id == clinicId, ct))
            {
                return TypedResults.BadRequest(FieldProblem.From([new FieldError("clinic", FieldErrors.UnknownClinic)]));
            }
        }

        var file = await ReadBodyAsync(http.Request, ct);
        if (file is null)
        {
            return TypedResults.Problem($"the file is larger than {RosterImporter.MaxBytes} bytes", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var report = await importer.ImportAsync(clinicId, file, dryRun ?? false, scope.UserId, ct);
        if (!report.DryRun && report.Created + report.Updated > 0)
        {
            roster.Changed(clinicId);
        }

        return TypedResults.Ok(report);
    }

    /// <summary>The body, or null when it exceeds the limit (read no further than one byte past it).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > RosterImporter.MaxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}
