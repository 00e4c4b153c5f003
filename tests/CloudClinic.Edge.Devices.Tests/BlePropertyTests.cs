using CloudClinic.Edge.Devices.BloodPressure;
using CloudClinic.Edge.Devices.Glucose;

namespace CloudClinic.Edge.Devices.Tests;

/// <summary>GATT values come from any device in radio range: whatever arrives, the parsers answer, never throw.</summary>
public class BlePropertyTests
{
    private static readonly byte[][] BloodPressureSeeds =
    [
        Vectors.Load("bpm-nordic-full.hex"), Vectors.Load("bpm-nordic-kpa.hex"), Vectors.Load("bpm-derdilla-timestamp.hex"), Vectors.Load("bpm-beurer-bm85.hex"),
    ];

    private static readonly byte[][] GlucoseSeeds =
    [
        Vectors.Load("glucose-nordic-full.hex"), Vectors.Load("glucose-112-mgdl.hex"), Vectors.Hex("06 05 00 E8 07 03 0F 07 1E 00 3E C0 11"),
    ];

    private static readonly byte[][] ContextSeeds =
    [
        Vectors.Load("glucose-context-fasting.hex"), Vectors.Hex("FF 05 00 00 01 05 E0 01 21 10 0E 32 01 05 D0 41 F0"), Vectors.Hex("12 09 00 05 02 19 B0"),
    ];

    private static readonly byte[][] RacpSeeds = [Vectors.Hex("05 00 02 01"), Vectors.Hex("06 00 01 01"), Vectors.Hex("06 00 01 06")];

    [Fact]
    public Task BloodPressure_RandomBytes_NeverThrow() => DeviceInputFuzz.RandomAsync(32, ParseBloodPressure);

    [Fact]
    public Task BloodPressure_MutatedVectors_NeverThrow() => DeviceInputFuzz.MutatedAsync(BloodPressureSeeds, ParseBloodPressure);

    [Fact]
    public Task Glucose_RandomBytes_NeverThrow() => DeviceInputFuzz.RandomAsync(24, ParseGlucose);

    [Fact]
    public Task Glucose_MutatedVectors_NeverThrow() => DeviceInputFuzz.MutatedAsync(GlucoseSeeds, ParseGlucose);

    [Fact]
    public Task Context_RandomBytes_NeverThrow() => DeviceInputFuzz.RandomAsync(24, ParseContext);

    [Fact]
    public Task Context_MutatedVectors_NeverThrow() => DeviceInputFuzz.MutatedAsync(ContextSeeds, ParseContext);

    [Fact]
    public Task Racp_RandomAndMutatedResponses_NeverThrow() => Task.WhenAll(
        DeviceInputFuzz.RandomAsync(8, ParseRacp),
        DeviceInputFuzz.MutatedAsync(RacpSeeds, ParseRacp));

    private static void ParseBloodPressure(byte[] bytes)
    {
        foreach (var profile in BloodPressureProfiles.All)
        {
            var ok = BloodPressureMeasurementParser.TryParse(bytes, profile, out var m, out var error);
            DeviceInputFuzz.AssertContract(ok, m, error);
            if (m is not null)
            {
                Assert.InRange(m.SystolicMmHg, 40, 300);
                Assert.True(m.DiastolicMmHg < m.SystolicMmHg);
            }

            ok = IntermediateCuffPressureParser.TryParse(bytes, profile, out var cuff, out error);
            DeviceInputFuzz.AssertContract(ok, cuff, error);
        }
    }

    private static void ParseGlucose(byte[] bytes)
    {
        var ok = GlucoseMeasurementParser.TryParse(bytes, out var m, out var error);
        DeviceInputFuzz.AssertContract(ok, m, error);
        if (m is not null)
        {
            ok = m.TryToRecord("FUZZ", TimeSpan.Zero, null, out var record, out error);
            DeviceInputFuzz.AssertContract(ok, record, error);
            Assert.False(m.GlucoseMmolL is { } v && (double.IsNaN(v) || double.IsInfinity(v)));
        }
    }

    private static void ParseContext(byte[] bytes)
    {
        var ok = GlucoseContextParser.TryParse(bytes, out var c, out var error);
        DeviceInputFuzz.AssertContract(ok, c, error);
    }

    private static void ParseRacp(byte[] bytes)
    {
        var ok = RecordAccessControlPoint.TryParseResponse(bytes, out var r, out var error);
        DeviceInputFuzz.AssertContract(ok, r, error);
    }
}
