using CloudClinic.Alerts.Mqtt;
using CloudClinic.Alerts.Publishing;
using CloudClinic.Alerts.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudClinic.Alerts;

public static class AlertingHostingExtensions
{
    /// <summary>
    /// Registers the alert rules (<see cref="BpUrgentRule"/> in this build) as <see cref="IAlertRule"/>, the MQTT
    /// <see cref="IAlertPublisher"/>, and the validated <c>Mqtt</c> options. Safe to call more than once.
    /// </summary>
    public static IHostApplicationBuilder AddAlerting(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(IAlertPublisher)))
        {
            return builder;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<MqttOptions>()
            .BindConfiguration(MqttOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MqttOptions>, MqttOptionsValidator>());
        services.AddSingleton<IAlertRule, BpUrgentRule>();
        services.AddSingleton<IAlertPublisher, MqttAlertPublisher>();
        return builder;
    }
}
