using CloudClinic.Edge.Watchdog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudClinic.Edge.Tests;

/// <summary>Which states of the gateway's loops stop the watchdog pings.</summary>
public class BackgroundServiceHealthTests
{
    [Fact]
    public async Task FindProblem_LoopFaulted_NamesTheLoopAndError()
    {
        await using var provider = Provider(new Loop(_ => Task.FromException(new InvalidOperationException("broker client died"))));
        var loop = (Loop)provider.GetServices<IHostedService>().Single();
        await loop.StartAsync(CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => loop.ExecuteTask!);

        var problem = new BackgroundServiceHealth(provider).FindProblem();

        Assert.Equal("Loop stopped: broker client died", problem);
        Assert.Equal("Loop: broker client died", GatewayLoops.FirstFault(GatewayLoops.All(provider)));
    }

    [Fact]
    public async Task FirstFault_LoopCancelledAtShutdown_IsNotAFault()
    {
        // A loop that ends by OperationCanceledException when the host stops: a clean exit, not a restart.
        await using var provider = Provider(new Loop(token => Task.Delay(Timeout.Infinite, token)));
        var loop = provider.GetServices<IHostedService>().Single();
        await loop.StartAsync(CancellationToken.None);

        await loop.StopAsync(CancellationToken.None);

        Assert.Null(GatewayLoops.FirstFault(GatewayLoops.All(provider)));
    }

    [Fact]
    public async Task FindProblem_LoopRunningOrEndedNormally_IsHealthy()
    {
        var running = new TaskCompletionSource();
        await using var provider = Provider(new Loop(_ => running.Task), new Loop(_ => Task.CompletedTask));
        foreach (var service in provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        Assert.Null(new BackgroundServiceHealth(provider).FindProblem());
        Assert.Null(GatewayLoops.FirstFault(GatewayLoops.All(provider)));
        running.SetResult();
    }

    private static ServiceProvider Provider(params Loop[] loops)
    {
        var services = new ServiceCollection();
        foreach (var loop in loops)
        {
            services.AddSingleton<IHostedService>(loop);
        }

        return services.BuildServiceProvider();
    }

    private sealed class Loop(Func<CancellationToken, Task> body) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => body(stoppingToken);
    }
}
