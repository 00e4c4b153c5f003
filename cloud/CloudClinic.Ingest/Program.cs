using CloudClinic.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

var builder = Host.CreateApplicationBuilder(args);
builder.AddCloudIngest();
builder.Services.AddSystemd();
try
{
    await builder.Build().RunAsync();
}
catch (OptionsValidationException ex)
{
    // A bad setting is the operator's to fix: one line naming the key, and EX_CONFIG (78) so that systemd's
    // RestartPreventExitStatus=78 stops a restart loop that could never succeed.
    await Console.Error.WriteLineAsync($"configuration error: {string.Join("; ", ex.Failures)}");
    return 78;
}

return 0;
