using CloudClinic.Edge;
using CloudClinic.Edge.Gateway;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// `decode cclp1 <frame>`: an operator's tool for checking what a meter sends, without starting the gateway.
if (args is ["decode", ..])
{
    return DecodeCommand.Run(args[1..], Console.Out, Console.Error, TimeProvider.System);
}

// appsettings.json next to the binary, whatever the working directory (systemd, `dotnet run`, a shell elsewhere).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddSystemd();
builder.AddEdgeGateway();
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
