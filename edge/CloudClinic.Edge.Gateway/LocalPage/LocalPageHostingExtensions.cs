using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway.LocalPage;

/// <summary>Adds the gateway's local page (status, budget alarm, stations) to a host that already has <c>AddEdgeGateway()</c>.</summary>
public static class LocalPageHostingExtensions
{
    /// <summary>
    /// Serves the local page on <c>Edge:LocalPage:Url</c> (default <c>http://127.0.0.1:8080</c>; <c>Edge:LocalPage:Enabled</c>
    /// false turns it off). Further page parts register an <see cref="ILocalPageFeature"/>.
    /// </summary>
    public static IHostApplicationBuilder AddEdgeLocalPage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<LocalPageOptions>().BindConfiguration(LocalPageOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LocalPageOptions>, LocalPageOptionsAttributesValidator>());
        services.TryAddSingleton<EmbeddedAssets>();
        services.TryAddSingleton<LocalPageStatusFactory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILocalPageFeature, StatusFeature>());
        services.TryAddSingleton<LocalPageServer>();
        services.AddHostedService(provider => provider.GetRequiredService<LocalPageServer>());
        return builder;
    }
}
