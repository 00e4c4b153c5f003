using CloudClinic.Dashboard;
using CloudClinic.Dashboard.ApiKeys;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Dashboard.Demo;

// `--demo` turns this host into the all-in-one newcomer host (Demo/DemoHostingExtensions.cs).
var builder = WebApplication.CreateBuilder(DemoMode.Translate(args));
var demo = builder.AddDemoIfEnabled();
builder.AddDashboard();

var app = builder.Build();
if (args.FirstOrDefault() == AddUserCommand.Name)
{
    return await AddUserCommand.RunAsync(app.Services, args[1..], Console.Out);
}

if (ApiKeyCommand.Handles(args.FirstOrDefault()))
{
    return await ApiKeyCommand.RunAsync(app.Services, args[0], args[1..], Console.Out);
}

app.MapDashboard();
if (demo)
{
    await app.Services.GetRequiredService<DemoAccounts>().SeedAsync(CancellationToken.None);
}

await app.StartAsync();
if (demo)
{
    // One account per role; the passwords are new at every start.
    Console.WriteLine("Demo accounts / 演示账户 (user / password):");
    foreach (var (user, password) in app.Services.GetRequiredService<DemoAccounts>().Printed)
    {
        Console.WriteLine($"  demo account: {user} / {password}");
    }

    Console.WriteLine($"CloudClinic demo is running. Open {string.Join(" or ", app.Urls)} in a browser (Ctrl+C stops it).");
    Console.WriteLine($"云诊室演示已启动，请在浏览器中打开 {string.Join(" 或 ", app.Urls)}（按 Ctrl+C 退出）。");
}

await app.WaitForShutdownAsync();
return 0;

/// <summary>Visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the tests.</summary>
public partial class Program;
