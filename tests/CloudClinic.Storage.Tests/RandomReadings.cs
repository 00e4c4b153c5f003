using CloudClinic.Contracts;

namespace CloudClinic.Storage.Tests;

/// <summary>
/// Readings with every escape line protocol has in their text (comma, space, equals, quote, backslash), plus newlines,
/// percent signs, Chinese and emoji surrogate pairs, both kinds, optional fields present or not. Deterministic per seed.
/// </summary>
internal sealed class RandomReadings(int seed)
{
    private static readonly string[] Pieces =
        ["a", "Z9", "-", "_", ",", " ", "=", "\"", "\\", "\n", "%", "'", "é", "患者", "血压", "😀", "🩸", "𝄞", "p-000123"];

    private static readonly double[] Numbers =
        [0.1, 1e-7, 123456.789, -0.0, 0, 120, 182, 112.5, 135.67, 7.8, 140.5, 1.0 / 3, double.Epsilon, double.MaxValue, -3.5e21];

    private readonly Random _random = new(seed);

    public List<ReadingMessage> Make(int count)
    {
        var readings = new List<ReadingMessage>(count);
        for (var i = 0; i < count; i++)
        {
            readings.Add(Next());
        }

        return readings;
    }

    public ReadingMessage Next()
    {
        var bloodPressure = _random.Next(2) == 0;
        var measuredAt = Time();
        return new ReadingMessage
        {
            Schema = ReadingMessage.SchemaV1,
            ReadingId = Text(),
            ClinicId = Text(),
            GatewayId = Text(),
            PatientId = _random.Next(6) switch
            {
                0 => null,
                1 => "unassigned",
                _ => Text(),
            },
            Station = OptionalText(),
            Kind = bloodPressure ? ReadingKinds.BloodPressure : ReadingKinds.Glucose,
            MeasuredAt = measuredAt,
            ClockSource = OptionalText(),
            ReceivedAt = measuredAt.AddTicks(_random.NextInt64(0, TimeSpan.TicksPerDay)),
            Device = new DeviceInfo { Model = Text(), Serial = Text(), Transport = Text(), Protocol = Text() },
            Systolic = bloodPressure ? OptionalNumber() : null,
            Diastolic = bloodPressure ? OptionalNumber() : null,
            MeanArterial = bloodPressure ? OptionalNumber() : null,
            Pulse = bloodPressure ? OptionalNumber() : null,
            OriginalUnit = bloodPressure ? OptionalText() : null,
            MmolL = bloodPressure ? null : OptionalNumber(),
            MgdL = bloodPressure ? null : OptionalNumber(),
            Meal = bloodPressure ? null : OptionalText(),
            Sample = bloodPressure ? null : OptionalText(),
            OutOfRange = OptionalText(),
            Flags = [.. Enumerable.Range(0, _random.Next(4)).Select(_ => _random.Next(4) == 0 ? string.Empty : Text())],
        };
    }

    private string Text()
    {
        var pieces = _random.Next(1, 8);
        var text = string.Empty;
        for (var i = 0; i < pieces; i++)
        {
            text += Pieces[_random.Next(Pieces.Length)];
        }

        return text;
    }

    private string? OptionalText() => _random.Next(3) switch
    {
        0 => null,
        1 => string.Empty,
        _ => Text(),
    };

    private double? OptionalNumber() => _random.Next(4) switch
    {
        0 => null,
        1 => Math.Round(_random.NextDouble() * 300, _random.Next(4)),
        2 => _random.NextDouble() * Math.Pow(10, _random.Next(-9, 9)),
        _ => Numbers[_random.Next(Numbers.Length)],
    };

    // Years 1900-2100 (negative Unix times included), any tick, offsets in whole minutes up to ±14 h.
    private DateTimeOffset Time()
    {
        var ticks = _random.NextInt64(new DateTime(1900, 1, 1).Ticks, new DateTime(2100, 1, 1).Ticks);
        var offset = TimeSpan.FromMinutes(_random.Next(-14 * 60, 14 * 60 + 1));
        return new DateTimeOffset(ticks, offset);
    }
}
