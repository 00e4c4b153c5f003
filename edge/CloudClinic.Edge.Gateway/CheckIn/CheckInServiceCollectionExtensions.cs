using CloudClinic.Edge.Gateway.LocalPage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway.CheckIn;

/// <summary>Check-in's parts: options (<c>Edge:CheckIn</c>, validated at start-up), the roster cache, sessions, scanners.</summary>
internal static class CheckInServiceCollectionExtensions
{
    public static IServiceCollection AddCheckIn(this IServiceCollection services)
    {
        services.AddOptions<CheckInOptions>().BindConfiguration(CheckInOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CheckInOptions>, CheckInOptionsAttributesValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CheckInOptions>, CheckInOptionsValidator>());
        services.TryAddSingleton<CheckInDatabase>();
        services.TryAddSingleton<RosterCache>();
        services.TryAddSingleton<CheckInSessionStore>();
        services.TryAddSingleton<CheckInService>();
        services.TryAddSingleton<CardScannerWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<CardScannerWorker>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILocalPageFeature, CheckInFeature>());
        return services;
    }
}
