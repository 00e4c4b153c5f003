using CloudClinic.Alerts.Mqtt;
using CloudClinic.Alerts;
using CloudClinic.Dashboard.Admin;
using CloudClinic.Dashboard.Api;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Dashboard.CarePlans;
using CloudClinic.Dashboard.Clinical;
using CloudClinic.Dashboard.Configuration;
using CloudClinic.Dashboard.Health;
using CloudClinic.Dashboard.Integration;
using CloudClinic.Dashboard.Hubs;
using CloudClinic.Dashboard.Relay;
using CloudClinic.Dashboard.Security;
using CloudClinic.Dashboard.Time;
using CloudClinic.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CloudClinic.Dashboard;

/// <summary>The dashboard capability: hub, live relay, HTTP API and the static page (eShop-style Add/Map pair).</summary>
internal static class DashboardHostingExtensions
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // The same Mqtt section and client settings as the cloud workers (CloudClinic.Alerts.Mqtt); the dashboard
        // checks what its relay needs itself, as it does not run the alert publisher that registers the full check.
        services.AddOptions<MqttOptions>()
            .BindConfiguration(MqttOptions.SectionName)
            .Validate(o => MqttConnection.TryParseUrl(o.Url, out _, out _, out _), "Mqtt:Url must be mqtt://host:port or mqtts://host:port")
            .Validate(o => string.IsNullOrEmpty(o.CaFile) || File.Exists(o.CaFile), "Mqtt:CaFile names a file that does not exist")
            .ValidateOnStart();
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ClinicClock>();

        // Targets come from one replaceable source: the registry's care plans (TryAdd lets a test's source win).
        services.TryAddSingleton<ICareTargetSource, RegistryCareTargetSource>();
        services.AddSingleton<ReadingAssessor>();
        services.AddSingleton<CarePlanEditor>();

        // Readings for the page's first paint (idempotent: the demo's ingest registers the same store).
        builder.AddReadingStorage();

        // Users, patients and alerts live in the registry; the inbox acts through the alert engine so every change is
        // audited and published on the alerts topic by its outbox (idempotent: the demo's ingest adds the same).
        builder.AddAlerting();
        builder.AddDashboardAuth();
        builder.AddIntegration();
        builder.AddDashboardAdmin();

        // Browsers get exactly the wire contract's JSON, over the hub and over HTTP.
        services.AddSignalR().AddJsonProtocol(json => WireJson.Apply(json.PayloadSerializerOptions));
        services.ConfigureHttpJsonOptions(json => WireJson.Apply(json.SerializerOptions));

        services.AddSingleton<RelayState>();
        services.AddSingleton<GatewayStatusBoard>();
        services.AddSingleton<RecentAlertsBoard>();
        services.AddSingleton<ClinicAudience>();
        services.AddSingleton<LiveMessageRouter>();
        services.AddHostedService<MqttLiveRelayWorker>();
        services.AddHealthChecks().AddCheck<RelayHealthCheck>("mqtt-relay");
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseDashboardAuth();
        app.UseDefaultFiles();
        app.UseStaticFiles();

        // The two guarded surfaces: the hub class and the /api group (both need a signed-in user).
        app.MapHub<ClinicHub>(ClinicHub.Path).RequireAuthorization();
        app.MapDashboardApi();
        app.MapIntegrationOpenApi();
        app.MapAccountApi();
        app.MapHealthApi();
        return app;
    }
}
