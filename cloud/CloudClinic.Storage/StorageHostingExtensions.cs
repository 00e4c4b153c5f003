using CloudClinic.Storage.DeadLetters;
using CloudClinic.Storage.Influx;
using CloudClinic.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudClinic.Storage;

public static class StorageHostingExtensions
{
    internal const string InfluxHttpClientName = "influx";

    /// <summary>
    /// Registers <see cref="IReadingStore"/> (InfluxDB v1 or v2 dialect by <c>Influx:Dialect</c>, or SQLite, by <c>Storage:Readings</c>) and
    /// <see cref="IDeadLetterStore"/> (SQLite at <c>Storage:Registry</c>), with start-up validation of the
    /// <c>Storage</c> and <c>Influx</c> sections. Safe to call more than once.
    /// </summary>
    public static IHostApplicationBuilder AddReadingStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(IReadingStore)))
        {
            return builder;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ReadingStorageOptions>()
            .BindConfiguration(ReadingStorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReadingStorageOptions>, ReadingStorageOptionsValidator>();
        services.AddOptions<InfluxOptions>()
            .BindConfiguration(InfluxOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<InfluxOptions>, InfluxOptionsValidator>();

        services.AddHttpClient(InfluxHttpClientName, (sp, http) =>
            http.Timeout = sp.GetRequiredService<IOptions<InfluxOptions>>().Value.Timeout);

        services.AddSingleton<IReadingStore>(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<ReadingStorageOptions>>().Value;
            if (!storage.UsesInflux)
            {
                return new SqliteReadingStore(storage.SqlitePath);
            }

            var influx = sp.GetRequiredService<IOptions<InfluxOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(InfluxHttpClientName);
            return influx.Dialect == InfluxOptions.DialectV2
                ? new InfluxV2ReadingStore(http, influx, sp.GetRequiredService<ILogger<InfluxV2ReadingStore>>())
                : new InfluxV1ReadingStore(http, influx, sp.GetRequiredService<ILogger<InfluxV1ReadingStore>>());
        });
        services.AddSingleton<IDeadLetterStore>(sp =>
            new SqliteDeadLetterStore(sp.GetRequiredService<IOptions<ReadingStorageOptions>>().Value.Registry));
        return builder;
    }
}
