using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using CloudClinic.Edge.Devices.SerialMeters.CodeFree;
using CloudClinic.Edge.Devices.SerialMeters.FreeStyleOptium;
using CloudClinic.Edge.Devices.SerialMeters.OneTouchUltra2;
using CloudClinic.Edge.Devices.SerialMeters.TaiDoc;

namespace CloudClinic.Edge.Simulator;

/// <summary>The command line (edge/README.md "Meter simulator"); end-to-end tests depend on exactly these names.</summary>
internal sealed partial record SimulatorArguments
{
    public const string CclpMeter = "cclp1";

    public const string Usage = """
        usage: CloudClinic.Edge.Simulator --port <path> --serial <meterSerial> [--baud 9600] [--interval-ms 200]
               [--readings "bp:182/112/80;bp:124/78/66;glucose:5.6:fasting"] [--count N --seed S]
               [--start-record 1] [--fault garbled|bad-checksum|truncated]
           or: CloudClinic.Edge.Simulator --meter onetouch-ultra2|freestyle-optium|taidoc-td42xx|sd-codefree
               --port <path> --serial <meterSerial> [--memory 500] [--seed S] [--time-zone Asia/Shanghai]
               [--newest 2025-03-01T08:15:00] [--clock-offset-minutes 0] [--sessions 0]
               [--fault garbled|bad-checksum|truncated|unplug] [--fault-record K]
        """;

    private static readonly string[] Meters =
        [CclpMeter, OneTouchUltra2Parser.ProtocolName, FreeStyleOptiumParser.ProtocolName, TaiDocParser.ProtocolName, CodeFreeParser.ProtocolName];

    /// <summary><c>cclp1</c> (frames pushed on a timer) or a serial meter with a stored memory.</summary>
    public string Meter { get; init; } = CclpMeter;

    /// <summary>Results in the simulated meter's memory.</summary>
    public int Memory { get; init; } = 20;

    /// <summary>The meter clock's zone (its wall-clock time).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Local;

    /// <summary>Meter local time of the newest stored result; null = the start of the current hour.</summary>
    public DateTime? Newest { get; init; }

    /// <summary>How far the meter's clock is ahead of true time (negative: behind).</summary>
    public int ClockOffsetMinutes { get; init; }

    /// <summary>Transfers to serve before exiting; 0 = until stopped. CodeFree: switch-ons (default 1).</summary>
    public int Sessions { get; init; }

    /// <summary>The memory index (0 = newest) the fault hits, once.</summary>
    public int FaultRecord { get; init; }

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

        var known = new[]
        {
            "port", "serial", "baud", "interval-ms", "readings", "count", "seed", "start-record", "fault",
            "meter", "memory", "time-zone", "newest", "clock-offset-minutes", "sessions", "fault-record",
        };
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
            error = $"--fault '{faultText}' is not garbled, bad-checksum, truncated or unplug";
            return false;
        }

        var meter = values.GetValueOrDefault("meter", CclpMeter);
        if (!Meters.Contains(meter))
        {
            error = $"--meter '{meter}' is not one of {string.Join(", ", Meters)}";
            return false;
        }

        if (fault == FrameFault.Unplug && meter == CclpMeter)
        {
            error = "--fault unplug needs a meter with a memory (--meter)";
            return false;
        }

        if (meter == OneTouchUltra2Parser.ProtocolName && !OneTouchSerialRegex().IsMatch(serial))
        {
            error = $"--serial '{serial}' is not a OneTouch Ultra 2 serial (8 capitals or digits, then Y)";
            return false;
        }

        var zone = TimeZoneInfo.Local;
        if (values.TryGetValue("time-zone", out var zoneId))
        {
            try
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                error = $"--time-zone '{zoneId}' is not a known time zone";
                return false;
            }
        }

        DateTime? newest = null;
        if (values.TryGetValue("newest", out var newestText))
        {
            if (!DateTime.TryParseExact(newestText, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsedNewest))
            {
                error = $"--newest '{newestText}' is not yyyy-MM-ddTHH:mm:ss";
                return false;
            }

            newest = parsedNewest;
        }

        if (!Int("baud", 9600, 50, 4_000_000, out var baud, out error)
            || !Int("interval-ms", 200, 0, 3_600_000, out var intervalMs, out error)
            || !Int("count", 1, 0, 10_000_000, out var count, out error)
            || !Int("seed", 1, int.MinValue, int.MaxValue, out var seed, out error)
            || !Int("start-record", 1, 0, int.MaxValue, out var startRecord, out error)
            || !Int("memory", 20, 0, meter == OneTouchUltra2Parser.ProtocolName ? 999 : 65535, out var memory, out error)
            || !Int("clock-offset-minutes", 0, -10_000_000, 10_000_000, out var clockOffset, out error)
            || !Int("sessions", meter == CodeFreeParser.ProtocolName ? 1 : 0, 0, int.MaxValue, out var sessions, out error)
            || !Int("fault-record", memory / 2, 0, int.MaxValue, out var faultRecord, out error))
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
            Meter = meter,
            Memory = memory,
            TimeZone = zone,
            Newest = newest,
            ClockOffsetMinutes = clockOffset,
            Sessions = sessions,
            FaultRecord = faultRecord,
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

    [GeneratedRegex("^[0-9A-Z]{8}Y$", RegexOptions.CultureInvariant)]
    private static partial Regex OneTouchSerialRegex();
}
