using CloudClinic.Dashboard.Auth;

namespace CloudClinic.Dashboard.Admin;

/// <summary>
/// The admin page's API under <c>/api/admin</c>: clinics, grids, users, patients, care plans and the roster import.
/// Admins only (<see cref="AdminAccess"/>); every state change needs the anti-forgery header and is audited.
/// </summary>
internal static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Admin")
            .AddEndpointFilter<AntiforgeryFilter>()
            .AddEndpointFilter(AdminAccess.Filter);
        admin.MapAdminClinicsApi();
        admin.MapAdminUsersApi();
        admin.MapAdminPatientsApi();
        admin.MapAdminCarePlansApi();
        admin.MapRosterImportApi();
        return admin;
    }
}
