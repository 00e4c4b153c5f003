using CloudClinic.Contracts;
using CloudClinic.Edge.Devices.LineProtocol;

namespace CloudClinic.Edge.Devices.Tests;

public class LineProtocolWriterTests
{
    private static readonly DateTimeOffset Beijing = new(2025, 3, 1, 8, 15, 0, TimeSpan.FromHours(8));

    public static TheoryData<MeterRecord> Records() =>
    [
        new BloodPressureRecord { MeterSerial = "BP0042", RecordNumber = 17, MeasuredAt = Beijing, SystolicMmHg = 182, DiastolicMmHg = 112, PulseBpm = 80 },
        new BloodPressureRecord
        {
            MeterSerial = "BP-9", RecordNumber = uint.MaxValue, MeasuredAt = null, SystolicMmHg = 182.3, DiastolicMmHg = 111.8,
            MeanArterialMmHg = 137.3, PulseBpm = 66, OriginalUnit = PressureUnits.KPa,
            Flags = [ReadingFlags.IrregularPulse, ReadingFlags.CuffLoose],
        },
        new BloodPressureRecord
        {
            MeterSerial = "x", RecordNumber = 0, MeasuredAt = new DateTimeOffset(2030, 12, 31, 23, 59, 0, TimeSpan.FromMinutes(-570)),
            MeasuredAtHasSeconds = false, SystolicMmHg = 99.5, DiastolicMmHg = 60,
        },
        new GlucoseRecord { MeterSerial = "GL7", RecordNumber = 5, MeasuredAt = Beijing, GlucoseMmolL = 5.6, Meal = MealContexts.Fasting },
        new GlucoseRecord { MeterSerial = "GL7", RecordNumber = 6, MeasuredAt = Beijing, GlucoseMmolL = 5.61, GlucoseMgdL = 101, Meal = MealContexts.Bedtime },
        new GlucoseRecord
        {
            MeterSerial = "GL7", RecordNumber = 7, MeasuredAt = null, GlucoseMmolL = 33.3, Meal = MealContexts.Casual,
            OutOfRange = OutOfRangeMarks.High, Flags = [ReadingFlags.ControlSolution],
        },
    ];

    [Theory]
    [MemberData(nameof(Records))]
    public void Encode_ThenParse_GivesTheSameRecord(MeterRecord original)
    {
        var frame = LineProtocolWriter.Encode(original);

        Assert.True(LineProtocolParser.TryParse(frame, out var parsed, out var error), error);
        Assert.Equal(Normalise(original), Normalise(parsed));
    }

    [Fact]
    public void EncodeToString_BloodPressure_MatchesTheDocumentedExample()
    {
        var record = new BloodPressureRecord { MeterSerial = "BP0042", RecordNumber = 17, MeasuredAt = Beijing, SystolicMmHg = 182, DiastolicMmHg = 112, PulseBpm = 80 };

        Assert.Equal("$CCBP,BP0042,17,20250301T081500+0800,182,112,,80,mmHg,*7E\r\n", LineProtocolWriter.EncodeToString(record));
    }

    [Fact]
    public void FromBody_ComputesXorChecksumInUppercaseHex()
    {
        // 'A' ^ 'B' = 0x41 ^ 0x42 = 0x03
        Assert.Equal("$AB*03\r\n", LineProtocolWriter.FromBody("AB"));
    }

    [Fact]
    public void Encode_SerialWithComma_Throws()
    {
        var record = new GlucoseRecord { MeterSerial = "GL,7", RecordNumber = 1, GlucoseMmolL = 5 };

        Assert.Throws<ArgumentException>(() => LineProtocolWriter.Encode(record));
    }

    [Fact]
    public void Encode_BloodPressureFlagOnGlucose_Throws()
    {
        var record = new GlucoseRecord { MeterSerial = "GL7", RecordNumber = 1, GlucoseMmolL = 5, Flags = [ReadingFlags.IrregularPulse] };

        Assert.Throws<ArgumentException>(() => LineProtocolWriter.Encode(record));
    }

    /// <summary>Records compare their flag lists by reference; compare their content instead.</summary>
    internal static string Normalise(MeterRecord? record) => record switch
    {
        null => "null",
        _ => (record with { Flags = [] }).ToString() + "|" + string.Join(",", record.Flags),
    };
}
