using System.Security.Claims;
using CloudClinic.Contracts;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Registry.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CloudClinic.Dashboard.ApiKeys;

/// <summary>
/// Admins manage their integrations' keys (signed-in cookie users only; POSTs need the anti-forgery header):
/// <list type="bullet">
/// <item><c>GET /api/api-keys?clinic=…</c>: the keys (never a hash), newest first.</item>
/// <item><c>POST /api/api-keys</c> with <see cref="NewApiKey"/>: 201 with the key, shown this once.</item>
/// <item><c>POST /api/api-keys/{id}/revoke</c>: refused from then on.</item>
/// </list>
/// A clinic admin manages their clinic's keys; the county admin any clinic's and county-wide keys.
/// </summary>
internal static class ApiKeysApi
{
    public const string Path = "/api-keys";

    public static RouteGroupBuilder MapApiKeysApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup(Path).WithTags("ApiKeys");
        group.MapGet("/", ListAsync);
        var changes = group.MapGroup("/").AddEndpointFilter<AntiforgeryFilter>();
        changes.MapPost("/", CreateAsync);
        changes.MapPost("/{id}/revoke", RevokeAsync);
        return group;
    }

    private static async Task<Results<Ok<ApiKeyInfo[]>, ValidationProblem, ForbidHttpResult>> ListAsync(
        string? clinic, ClaimsPrincipal user, ApiKeyStore store, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(clinic) && !Topics.IsValidId(clinic))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["clinic"] = ["clinic must match [a-z0-9-]{1,64}."] });
        }

        var scope = AccessScope.From(user);
        var clinicId = string.IsNullOrEmpty(clinic) ? scope.ClinicId : clinic;
        if (!MayManage(scope, clinicId))
        {
            return TypedResults.Forbid();
        }

        return TypedResults.Ok((await store.ListAsync(clinicId, ct)).ToArray());
    }

    private static async Task<Results<Created<CreatedApiKey>, ValidationProblem, ForbidHttpResult>> CreateAsync(
        NewApiKey body, ClaimsPrincipal user, ApiKeyStore store, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = body.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > ApiKeyStore.MaxNameLength || name.Any(char.IsControl))
        {
            errors["name"] = [$"name must be 1 to {ApiKeyStore.MaxNameLength} printable characters."];
        }

        if (body.ClinicId is not null && !Topics.IsValidId(body.ClinicId))
        {
            errors["clinicId"] = ["clinicId must match [a-z0-9-]{1,64}, or be absent for a county-wide key."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var scope = AccessScope.From(user);
        if (!MayManage(scope, body.ClinicId))
        {
            return TypedResults.Forbid();
        }

        var keyScope = body.ClinicId is null ? ApiKeyScope.County : ApiKeyScope.Clinic(body.ClinicId);
        var created = await store.CreateAsync(name!, keyScope, scope.UserId, ct);
        // No Location: a key has no page of its own (GET /api/api-keys lists it).
        return TypedResults.Created((string?)null, created);
    }

    private static async Task<Results<Ok<ApiKeyInfo>, NotFound, ForbidHttpResult>> RevokeAsync(
        string id, ClaimsPrincipal user, ApiKeyStore store, CancellationToken ct)
    {
        var key = await store.FindAsync(id, ct);
        if (key is null)
        {
            return TypedResults.NotFound();
        }

        var scope = AccessScope.From(user);
        if (!MayManage(scope, key.ClinicId))
        {
            return TypedResults.Forbid();
        }

        return await store.RevokeAsync(id, scope.UserId, ct) is { } revoked ? TypedResults.Ok(revoked) : TypedResults.NotFound();
    }

    /// <summary>Keys of a clinic: its clinic admin or the county admin; county-wide keys (null): the county admin.</summary>
    private static bool MayManage(AccessScope scope, string? clinicId) =>
        scope.IsCountyAdmin || (scope.Role == UserRoles.ClinicAdmin && clinicId is not null && scope.ClinicId == clinicId);
}
