using CloudClinic.Edge;
using CloudClinic.Edge.Gateway;
using Microsoft.Extensions.Hosting;

// `decode cclp1 <frame>`: an operator's tool for checking what a meter sends, without starting the gateway.
if (args is ["decode", ..])
{
    return DecodeCommand.Run(args[1..], Console.Out, Console.Error, TimeProvider.System);
}

// appsettings.json next to the binary, whatever the working directory (systemd, `dotnet run`, a shell elsewhere).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddSystemd();
builder.AddEdgeGateway();
await builder.Build().RunAsync();
return 0;
