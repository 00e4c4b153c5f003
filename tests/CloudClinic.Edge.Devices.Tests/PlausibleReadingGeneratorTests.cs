using CloudClinic.Edge.Devices.Simulation;

namespace CloudClinic.Edge.Devices.Tests;

public class PlausibleReadingGeneratorTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Next_SameSeed_GivesTheSameSeries()
    {
        var a = new PlausibleReadingGenerator(42);
        var b = new PlausibleReadingGenerator(42);

        for (var i = 1; i <= 50; i++)
        {
            Assert.Equal(LineProtocolWriterTests.Normalise(a.Next("S", i, At)), LineProtocolWriterTests.Normalise(b.Next("S", i, At)));
        }
    }

    [Theory]
    [InlineData("bloodPressure", typeof(BloodPressureRecord))]
    [InlineData("glucose", typeof(GlucoseRecord))]
    public void Next_WithKind_GivesOnlyThatKind(string kind, Type expected)
    {
        var generator = new PlausibleReadingGenerator(3);

        Assert.All(Enumerable.Range(1, 200), i => Assert.IsType(expected, generator.Next("S", i, At, kind, urgent: null)));
    }

    [Fact]
    public void Next_BloodPressureMeterWithUrgentEveryThird_PulsesVary()
    {
        var generator = new PlausibleReadingGenerator(11);

        var pulses = Enumerable.Range(1, 30)
            .Select(i => ((BloodPressureRecord)generator.Next("S", i, At, "bloodPressure", urgent: i % 3 == 0)).PulseBpm)
            .ToList();

        Assert.True(pulses.Distinct().Count() > 10, string.Join(",", pulses));
    }

    [Fact]
    public void Next_ForcedUrgent_GivesUrgentValuesEveryTime()
    {
        var generator = new PlausibleReadingGenerator(5);

        Assert.All(Enumerable.Range(1, 200), i =>
        {
            var bp = (BloodPressureRecord)generator.Next("S", i, At, "bloodPressure", urgent: true);
            Assert.True(Math.Round(bp.SystolicMmHg) >= 180 || Math.Round(bp.DiastolicMmHg) >= 110, $"{bp.SystolicMmHg}/{bp.DiastolicMmHg}");
            var glucose = (GlucoseRecord)generator.Next("S", i, At, "glucose", urgent: true);
            Assert.True(glucose.GlucoseMmolL is >= 16.7 or <= 3.9 || glucose.OutOfRange is not null, $"{glucose.GlucoseMmolL}");
        });
    }

    [Fact]
    public void Next_ForcedOrdinary_NeverGivesUrgentBloodPressure()
    {
        var generator = new PlausibleReadingGenerator(9);

        Assert.All(Enumerable.Range(1, 200), i =>
        {
            var bp = (BloodPressureRecord)generator.Next("S", i, At, "bloodPressure", urgent: false);
            Assert.True(bp.SystolicMmHg < 180 && bp.DiastolicMmHg < 110, $"{bp.SystolicMmHg}/{bp.DiastolicMmHg}");
        });
    }

    [Fact]
    public void NextBloodPressure_ManyReadings_MostlyNormalSometimesUrgent()
    {
        var generator = new PlausibleReadingGenerator(7);
        var readings = Enumerable.Range(1, 1000).Select(i => generator.NextBloodPressure("S", i, At)).ToList();

        var urgent = readings.Count(r => r.SystolicMmHg >= 180 || r.DiastolicMmHg >= 110);
        var normal = readings.Where(r => r.SystolicMmHg < 180 && r.DiastolicMmHg < 110).ToList();

        Assert.InRange(urgent, 50, 150);
        Assert.All(normal, r =>
        {
            Assert.InRange(r.SystolicMmHg, 109, 151);
            Assert.InRange(r.DiastolicMmHg, 69, 96);
            Assert.True(r.DiastolicMmHg < r.SystolicMmHg);
        });
    }

    [Fact]
    public void NextGlucose_ManyReadings_SometimesUrgentHighOrLow()
    {
        var generator = new PlausibleReadingGenerator(7);
        var readings = Enumerable.Range(1, 1000).Select(i => generator.NextGlucose("S", i, At)).ToList();

        Assert.Contains(readings, r => r.GlucoseMmolL >= 16.7);
        Assert.Contains(readings, r => r.GlucoseMmolL <= 3.9);
        Assert.InRange(readings.Count(r => r.GlucoseMmolL is > 3.9 and < 16.7), 850, 950);
    }
}
