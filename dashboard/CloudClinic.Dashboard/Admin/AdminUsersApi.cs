using System.Security.Claims;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.Admin;

/// <summary>
/// <c>GET /api/admin/users?clinic=…</c>, <c>POST /api/admin/users</c> (a generated password, shown once),
/// <c>POST /api/admin/users/{id}/reset-password</c> and <c>/unlock</c>. A clinic admin manages the accounts of their
/// clinic (not county admins); a county admin every account. Passwords go through <see cref="UserAccounts"/> (hashed).
/// </summary>
internal static class AdminUsersApi
{
    public static void MapAdminUsersApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/users", UsersAsync);
        admin.MapPost("/users", CreateAsync);
        admin.MapPost("/users/{id}/reset-password", ResetPasswordAsync);
        admin.MapPost("/users/{id}/unlock", UnlockAsync);
    }

    private static async Task<Results<Ok<AdminUser[]>, BadRequest<FieldProblem[]>, ForbidHttpResult>> UsersAsync(
        string? clinic, ClaimsPrincipal user, RegistryDatabase database, TimeProvider time, CancellationToken ct)
    {
        var scope = AccessScope.From(user);
        string? clinicId = null;
        if (!(scope.IsCountyAdmin && string.IsNullOrEmpty(clinic)))
        {
            clinicId = AdminAccess.ResolveClinic(clinic, scope, out var problem);
            if (clinicId is null)
            {
                return TypedResults.BadRequest(new[] { problem! });
            }

            if (!AdminAccess.CanAdminister(scope, clinicId))
            {
                return TypedResults.Forbid();
            }
        }

        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var users = await db.Users.AsNoTracking().Where(u => clinicId == null || u.ClinicId == clinicId).OrderBy(u => u.Id).ToListAsync(ct);
        var now = time.GetUtcNow();
        return TypedResults.Ok(users.Select(u => new AdminUser(u.Id, u.DisplayName, u.Role, u.ClinicId, u.GridId, u.LockedOutUntil > now)).ToArray());
    }

    private static async Task<Results<Created<IssuedPassword>, BadRequest<FieldProblem[]>, ForbidHttpResult>> CreateAsync(
        AdminUser body, ClaimsPrincipal user, RegistryDatabase database, UserAccounts accounts, TimeProvider time, CancellationToken ct)
    {
        var scope = AccessScope.From(user);
        var errors = new List<FieldError>();
        var role = body.Role ?? "";
        if (!UserRoles.All.Contains(role))
        {
            return TypedResults.BadRequest(FieldProblem.From([new FieldError("role", FieldErrors.UnknownRole)]));
        }

        // A county admin belongs to no clinic; everyone else to one (a clinic admin's own by default).
        string? clinicId = null;
        if (role == UserRoles.CountyAdmin)
        {
            if (!scope.IsCountyAdmin)
            {
                return TypedResults.Forbid();
            }
        }
        else
        {
            clinicId = AdminAccess.ResolveClinic(body.ClinicId, scope, out var problem);
            if (clinicId is null)
            {
                return TypedResults.BadRequest(new[] { problem! });
            }

            if (!AdminAccess.CanAdminister(scope, clinicId))
            {
                return TypedResults.Forbid();
            }
        }

        var displayName = AdminClinicsApi.Name(body.DisplayName, errors);
        await database.EnsureMigratedAsync(ct);
        await using (var db = database.CreateContext())
        {
            await AdminClinicsApi.CheckNewIdAsync(body.Id, () => db.Users.AnyAsync(u => u.Id == body.Id, ct), errors);
            if (clinicId is not null && !await db.Clinics.AnyAsync(c => c.Id == clinicId, ct))
            {
                errors.Add(new FieldError("clinicId", FieldErrors.UnknownClinic));
            }

            var gridId = string.IsNullOrWhiteSpace(body.GridId) ? null : body.GridId.Trim();
            if ((role == UserRoles.GridWorker) != (gridId is not null)
                || (gridId is not null && !await db.Grids.AnyAsync(g => g.Id == gridId && g.ClinicId == clinicId, ct)))
            {
                errors.Add(new FieldError("gridId", role == UserRoles.GridWorker && gridId is null ? FieldErrors.Required : FieldErrors.UnknownGrid));
            }

            if (errors.Count > 0)
            {
                return TypedResults.BadRequest(FieldProblem.From(errors));
            }

            var created = new User { Id = body.Id!, DisplayName = displayName!, Role = role, ClinicId = clinicId, GridId = gridId };
            var password = PasswordGenerator.Next();
            await accounts.SetAsync(created, password, scope.UserId, ct);
            db.Audit.Add(AdminAudit.Entry(time.GetUtcNow(), scope.UserId, "admin.user.created", "user", created.Id, clinicId, $"role={role}"));
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/admin/users/{created.Id}", new IssuedPassword(created.Id, password));
        }
    }

    private static async Task<Results<Ok<IssuedPassword>, NotFound, ForbidHttpResult>> ResetPasswordAsync(
        string id, ClaimsPrincipal user, RegistryDatabase database, UserAccounts accounts, TimeProvider time, CancellationToken ct)
    {
        var scope = AccessScope.From(user);
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var target = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        if (target is null)
        {
            return TypedResults.NotFound();
        }

        if (!CanManage(scope, target))
        {
            return TypedResults.Forbid();
        }

        var password = PasswordGenerator.Next();
        await accounts.SetAsync(target, password, scope.UserId, ct);
        db.Audit.Add(AdminAudit.Entry(time.GetUtcNow(), scope.UserId, "admin.user.password-reset", "user", target.Id, target.ClinicId));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new IssuedPassword(target.Id, password));
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult>> UnlockAsync(
        string id, ClaimsPrincipal user, RegistryDatabase database, TimeProvider time, CancellationToken ct)
    {
        var scope = AccessScope.From(user);
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var target = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (target is null)
        {
            return TypedResults.NotFound();
        }

        if (!CanManage(scope, target))
        {
            return TypedResults.Forbid();
        }

        (target.FailedSignIns, target.LockedOutUntil) = (0, null);
        db.Audit.Add(AdminAudit.Entry(time.GetUtcNow(), scope.UserId, "admin.user.unlocked", "user", target.Id, target.ClinicId));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>A county admin's account (no clinic) is managed only by a county admin.</summary>
    private static bool CanManage(AccessScope scope, User target) =>
        scope.IsCountyAdmin || (target.ClinicId is { } clinicId && target.Role != UserRoles.CountyAdmin && AdminAccess.CanAdminister(scope, clinicId));
}
