using CloudClinic.Edge;
using CloudClinic.Edge.Gateway;
using CloudClinic.Edge.Gateway.LocalPage;
using CloudClinic.Edge.Status;
using CloudClinic.Edge.Watchdog;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// `decode cclp1 <frame>`: an operator's tool for checking what a meter sends, without starting the gateway.
if (args is ["decode", ..])
{
    return DecodeCommand.Run(args[1..], Console.Out, Console.Error, TimeProvider.System);
}

// appsettings.json next to the binary, whatever the working directory (systemd, `dotnet run`, a shell elsewhere).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args is ["status", ..] ? [] : args,
    ContentRootPath = AppContext.BaseDirectory,
});

// `status [--json]`: the outbox the gateway would use, from the same configuration (appsettings + environment).
if (args is ["status", ..])
{
    return StatusCommand.Run(args[1..], builder.Configuration["Edge:OutboxPath"], builder.Environment.ContentRootPath,
        Console.Out, Console.Error, TimeProvider.System);
}

builder.Services.AddSystemd();
builder.Services.AddSystemdWatchdog();
builder.AddEdgeGateway();
builder.AddEdgeLocalPage();
using var host = builder.Build();
BackgroundService[] loops;
try
{
    // Taken before RunAsync, which disposes the host's services when it returns.
    loops = GatewayLoops.All(host.Services);
    await host.RunAsync();
}
catch (OptionsValidationException ex)
{
    // A bad setting is the operator's to fix: one line naming the key, and EX_CONFIG (78) so that systemd's
    // RestartPreventExitStatus=78 stops a restart loop that could never succeed.
    await Console.Error.WriteLineAsync($"configuration error: {string.Join("; ", ex.Failures)}");
    return 78;
}
catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
{
    // A value the binder cannot convert (Edge:OutboxBudgetBytes "lots", a station's Parity "Sometimes") throws while
    // the options are created, before any validator runs; the message names the key. Same exit as a failed validation.
    await Console.Error.WriteLineAsync($"configuration error: {ex.Message}");
    return 78;
}

// A loop that died stops the host (BackgroundServiceExceptionBehavior.StopHost) but RunAsync returns normally:
// exit non-zero so that systemd's Restart=on-failure brings the gateway back.
var failed = GatewayLoops.FirstFault(loops);
if (failed is not null)
{
    await Console.Error.WriteLineAsync($"gateway stopped because a loop failed: {failed}");
    return 1;
}

return 0;
