using CloudClinic.Registry;
using CloudClinic.Registry.Privacy;

namespace CloudClinic.Dashboard.Admin;

/// <summary>
/// The admin capability. Writing patients needs the personal-data key (<c>Registry:EncryptionKey</c>): with it the
/// patient editor and the roster import are added and the key is validated at start-up (a bad key fails start-up
/// naming it); without it the rest of the dashboard runs and the patient writes answer 503 saying which key is missing.
/// </summary>
internal static class AdminHostingExtensions
{
    public static WebApplicationBuilder AddDashboardAdmin(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration[$"{PersonalDataOptions.SectionName}:{nameof(PersonalDataOptions.EncryptionKey)}"]))
        {
            return builder;
        }

        builder.AddPatientDirectory();
        builder.Services.AddSingleton<PatientEditor>();
        builder.Services.AddSingleton<RosterImporter>();
        return builder;
    }
}
