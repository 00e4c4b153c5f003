using CloudClinic.Dashboard.Auth;
using CloudClinic.Registry.Model;

namespace CloudClinic.Dashboard.Api;

/// <summary>Who may open a grid and close its tasks, in the terms of <see cref="AccessScope"/>.</summary>
internal static class GridAccess
{
    /// <summary>A grid's people: a grid worker their own grid, a doctor or clinic admin their clinic's grids, a county admin all.</summary>
    public static bool CanSeeGrid(AccessScope scope, Grid grid) => scope.CanSeePatient(grid.ClinicId, grid.Id);

    /// <summary>
    /// Closing a task is a clinical action like acknowledging an alert (doctors and grid workers within what they see;
    /// admins only look). A grid worker closes only grid-worker tasks: the doctor's follow-up stays the doctor's.
    /// </summary>
    public static bool CanCloseTask(AccessScope scope, CareTask task) =>
        scope.CanActOnAlert(task.ClinicId, task.GridId)
        && (scope.Role != UserRoles.GridWorker || task.AssigneeRole == UserRoles.GridWorker);
}
