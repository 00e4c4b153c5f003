namespace CloudClinic.Dashboard.Hubs;

/// <summary>SignalR group names: one per clinic (its doctors and admins), one per grid (its workers), one for the county.</summary>
internal static class HubGroups
{
    public const string County = "county";

    public static string Clinic(string clinicId) => "clinic:" + clinicId;

    public static string Grid(string gridId) => "grid:" + gridId;
}
