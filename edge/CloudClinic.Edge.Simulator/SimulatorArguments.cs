using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CloudClinic.Edge.Simulator;

/// <summary>The command line (edge/README.md "Meter simulator"); end-to-end tests depend on exactly these names.</summary>
internal sealed record SimulatorArguments
{
    public const string Usage = """
        usage: CloudClinic.Edge.Simulator --port <path> --serial <meterSerial> [--baud 9600] [--interval-ms 200]
               [--readings "bp:182/112/80;bp:124/78/66;glucose:5.6:fasting"] [--count N --seed S]
               [--start-record 1] [--fault garbled|bad-checksum|truncated]
        """;

    public required string Port { get; init; }

    public required string Serial { get; init; }

    public int BaudRate { get; init; } = 9600;

    public TimeSpan Interval { get; init; } = TimeSpan.FromMilliseconds(200);

    public string? Readings { get; init; }

    public int Count { get; init; } = 1;

    public int Seed { get; init; } = 1;

    public long StartRecord { get; init; } = 1;

    public FrameFault Fault { get; init; } = FrameFault.None;

    public static bool TryParse(string[] args, [NotNullWhen(true)] out SimulatorArguments? parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                error = $"expected '--name value' at '{args[i]}'";
                return false;
            }

            values[args[i][2..]] = args[i + 1];
        }

        var known = new[] { "port", "serial", "baud", "interval-ms", "readings", "count", "seed", "start-record", "fault" };
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            error = $"unknown option --{unknown}";
            return false;
        }

        if (!values.TryGetValue("port", out var port) || !values.TryGetValue("serial", out var serial))
        {
            error = "--port and --serial are required";
            return false;
        }

        var fault = FrameFault.None;
        if (values.TryGetValue("fault", out var faultText) && !FrameFaults.TryParse(faultText, out fault))
        {
            error = $"--fault '{faultText}' is not garbled, bad-checksum or truncated";
            return false;
        }

        if (!Int("baud", 9600, 50, 4_000_000, out var baud, out error)
            || !Int("interval-ms", 200, 0, 3_600_000, out var intervalMs, out error)
            || !Int("count", 1, 0, 10_000_000, out var count, out error)
            || !Int("seed", 1, int.MinValue, int.MaxValue, out var seed, out error)
            || !Int("start-record", 1, 0, int.MaxValue, out var startRecord, out error))
        {
            return false;
        }

        parsed = new SimulatorArguments
        {
            Port = port,
            Serial = serial,
            BaudRate = baud,
            Interval = TimeSpan.FromMilliseconds(intervalMs),
            Readings = values.GetValueOrDefault("readings"),
            Count = count,
            Seed = seed,
            StartRecord = startRecord,
            Fault = fault,
        };
        return true;

        bool Int(string name, int fallback, int min, int max, out int value, [NotNullWhen(false)] out string? failure)
        {
            failure = null;
            value = fallback;
            if (!values.TryGetValue(name, out var text))
            {
                return true;
            }

            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
            {
                return true;
            }

            failure = $"--{name} '{text}' is not a whole number of {min}-{max}";
            return false;
        }
    }
}
