using CloudClinic.Contracts;
using CloudClinic.Registry.Model;

namespace CloudClinic.Dashboard.ApiKeys;

/// <summary>
/// What a key sees, as the user roles define it (Auth/AccessScope): <c>clinic:{id}</c> acts as a clinic admin of
/// that clinic (the whole clinic, read only), <c>county</c> as the county admin (every clinic of the registry).
/// </summary>
internal sealed record ApiKeyScope(string Role, string? ClinicId)
{
    public const string CountyText = "county";
    public const string ClinicPrefix = "clinic:";

    public static ApiKeyScope County { get; } = new(UserRoles.CountyAdmin, null);

    public static ApiKeyScope Clinic(string clinicId) => new(UserRoles.ClinicAdmin, clinicId);

    public static bool TryParse(string? text, out ApiKeyScope scope)
    {
        scope = County;
        if (text == CountyText)
        {
            return true;
        }

        if (text is not null && text.StartsWith(ClinicPrefix, StringComparison.Ordinal) && Topics.IsValidId(text[ClinicPrefix.Length..]))
        {
            scope = Clinic(text[ClinicPrefix.Length..]);
            return true;
        }

        return false;
    }

    public override string ToString() => ClinicId is null ? CountyText : ClinicPrefix + ClinicId;
}
