using CloudClinic.Edge.Simulator;

if (!SimulatorArguments.TryParse(args, out var arguments, out var error))
{
    Console.Error.WriteLine($"error: {error}");
    Console.Error.WriteLine(SimulatorArguments.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    return arguments.Meter == SimulatorArguments.CclpMeter
        ? await new MeterSimulator(arguments, Console.Out, TimeProvider.System).RunAsync(stop.Token)
        : await new MemoryMeterSimulator(arguments, Console.Out, TimeProvider.System).RunAsync(stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    return 130;
}
