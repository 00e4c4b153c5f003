namespace CloudClinic.Registry.Model;

/// <summary>Who a user is for routing and visibility: a doctor and a clinic admin see their clinic, a grid worker their grid.</summary>
public static class UserRoles
{
    public const string Doctor = "doctor";
    public const string GridWorker = "gridWorker";
    public const string ClinicAdmin = "clinicAdmin";
    public const string CountyAdmin = "countyAdmin";

    public static readonly IReadOnlySet<string> All =
        new HashSet<string>(StringComparer.Ordinal) { Doctor, GridWorker, ClinicAdmin, CountyAdmin };
}
