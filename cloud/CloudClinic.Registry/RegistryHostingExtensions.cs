using CloudClinic.Registry.Privacy;
using CloudClinic.Registry.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudClinic.Registry;

public static class RegistryHostingExtensions
{
    /// <summary>
    /// Registers <see cref="RegistryDatabase"/> on <c>Storage:Registry</c> (and the <see cref="WebhookDeliveryLog"/> over it)
    /// and migrates it at start-up. Needs no
    /// encryption key: the alert engine and ingest never see personal data. Safe to call more than once.
    /// </summary>
    public static IHostApplicationBuilder AddRegistry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(RegistryDatabase)))
        {
            return builder;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<RegistryConnectionOptions>()
            .BindConfiguration(RegistryConnectionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => new RegistryDatabase(sp.GetRequiredService<IOptions<RegistryConnectionOptions>>().Value.Registry));
        services.AddSingleton<WebhookDeliveryLog>();
        services.AddHostedService<RegistryMigrationService>();
        return builder;
    }

    /// <summary>
    /// Adds <see cref="PatientDirectory"/> and its <see cref="PersonalDataProtector"/> keyed by <c>Registry:EncryptionKey</c>
    /// (validated at start-up). For the hosts that show or import identities (dashboard, admin tools).
    /// </summary>
    public static IHostApplicationBuilder AddPatientDirectory(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddRegistry();
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(PatientDirectory)))
        {
            return builder;
        }

        services.AddOptions<PersonalDataOptions>()
            .BindConfiguration(PersonalDataOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PersonalDataOptions>, PersonalDataOptionsValidator>();
        services.AddSingleton(sp => new PersonalDataProtector(
            Convert.FromBase64String(sp.GetRequiredService<IOptions<PersonalDataOptions>>().Value.EncryptionKey!)));
        services.AddSingleton<PatientDirectory>();
        return builder;
    }
}
