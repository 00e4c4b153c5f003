using CloudClinic.Contracts;
using CloudClinic.Edge.Devices.BloodPressure;

namespace CloudClinic.Edge.Devices.Tests;

public class BloodPressureMeasurementParserTests
{
    [Fact]
    public void TryParse_NordicFullVector_DecodesEveryFieldAndYear0AsUnknownClock()
    {
        var m = Parse(Vectors.Load("bpm-nordic-full.hex"));

        Assert.Equal((138.0, 88.0, (double?)120.0), (m.SystolicMmHg, m.DiastolicMmHg, m.MeanArterialMmHg));
        Assert.Equal(PressureUnits.MmHg, m.OriginalUnit);
        Assert.True(m.HasTimestamp);
        Assert.Null(m.MeasuredAtLocal);
        Assert.Equal(60, m.PulseBpm);
        Assert.Equal((byte)1, m.UserId);
        Assert.Equal((BloodPressureStatus)0x0027, m.Status);
        Assert.Equal(PulseRateRange.WithinRange, m.PulseRateRange);
        Assert.Equal([ReadingFlags.IrregularPulse, ReadingFlags.BodyMovement, ReadingFlags.CuffLoose, ReadingFlags.ImproperPosition], m.Flags);
        Assert.Equal("standard", m.Profile);
    }

    [Fact]
    public void TryParse_NordicKPaVector_ConvertsToMmHgAndReadsPulseRange()
    {
        var m = Parse(Vectors.Load("bpm-nordic-kpa.hex"));

        Assert.Equal((141.8, 82.5, (double?)119.3), (m.SystolicMmHg, m.DiastolicMmHg, m.MeanArterialMmHg));
        Assert.Equal(PressureUnits.KPa, m.OriginalUnit);
        Assert.False(m.HasTimestamp);
        Assert.Equal(60, m.PulseBpm);
        Assert.Null(m.UserId);
        Assert.Equal(PulseRateRange.BelowLowerLimit, m.PulseRateRange);
        Assert.Equal([ReadingFlags.CuffLoose], m.Flags);
    }

    [Fact]
    public void TryParse_DerdillaVector_ReadsTimestampAndEmptyStatus()
    {
        var m = Parse(Vectors.Load("bpm-derdilla-timestamp.hex"));

        Assert.Equal((124.0, 86.0, (double?)97.0), (m.SystolicMmHg, m.DiastolicMmHg, m.MeanArterialMmHg));
        Assert.Equal(new DateTime(2024, 6, 15, 17, 17, 27), m.MeasuredAtLocal);
        Assert.Equal(51, m.PulseBpm);
        Assert.Equal(BloodPressureStatus.None, m.Status);
        Assert.Empty(m.Flags);
    }

    [Fact]
    public void TryParse_BeurerBm85VectorStrict_IsRejectedForTheLeftOverByte()
    {
        Assert.False(BloodPressureMeasurementParser.TryParse(Vectors.Load("bpm-beurer-bm85.hex"), out _, out var error));

        Assert.StartsWith("1 byte(s) left over after the fields flags 0x56 announce", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_BeurerBm85VectorWithItsProfile_ReadsBigEndianPulseAndDropsMapZero()
    {
        Assert.True(BloodPressureProfiles.TryGet("beurer-bm85", out var profile));

        var m = Parse(Vectors.Load("bpm-beurer-bm85.hex"), profile);

        Assert.Equal((106.0, 71.0), (m.SystolicMmHg, m.DiastolicMmHg));
        Assert.Null(m.MeanArterialMmHg);
        Assert.Equal(new DateTime(2026, 8, 11, 18, 31, 0), m.MeasuredAtLocal);
        Assert.Equal(63, m.PulseBpm);
        Assert.Equal((byte)0, m.UserId);
        Assert.Equal(BloodPressureStatus.None, m.Status);
        Assert.Equal("beurer-bm85", m.Profile);
    }

    [Fact]
    public void TryParse_StandardFrameWithBeurerProfile_IsRejectedNotMisread()
    {
        // A profile is per model: applied to a meter that follows the spec, the frame no longer fits.
        Assert.False(BloodPressureMeasurementParser.TryParse(Vectors.Load("bpm-derdilla-timestamp.hex"), BloodPressureProfiles.BeurerBm85, out _, out var error));

        Assert.NotNull(error);
    }

    [Theory]
    [InlineData(0x0001, "bodyMovement", PulseRateRange.WithinRange)]
    [InlineData(0x0002, "cuffLoose", PulseRateRange.WithinRange)]
    [InlineData(0x0004, "irregularPulse", PulseRateRange.WithinRange)]
    [InlineData(0x0008, null, PulseRateRange.ExceedsUpperLimit)]
    [InlineData(0x0010, null, PulseRateRange.BelowLowerLimit)]
    [InlineData(0x0018, null, PulseRateRange.Reserved)]
    [InlineData(0x0020, "improperPosition", PulseRateRange.WithinRange)]
    [InlineData(0xFFC0, null, PulseRateRange.WithinRange)]
    public void TryParse_EachStatusBit_MapsToItsWireFlagOrPulseRange(int status, string? flag, PulseRateRange range)
    {
        var m = Parse(BpmFrame(0x10, 120, 80, 93, status: (ushort)status));

        Assert.Equal(flag is null ? [] : [flag], m.Flags);
        Assert.Equal(range, m.PulseRateRange);
        Assert.Equal((BloodPressureStatus)status, m.Status);
    }

    [Theory]
    [InlineData((ushort)0x07FF, "systolic is NaN (the meter did not measure it)")]
    [InlineData((ushort)0x0800, "systolic is NRes (the meter did not measure it)")]
    [InlineData((ushort)0x0801, "systolic is Reserved (the meter did not measure it)")]
    [InlineData((ushort)0x07FE, "systolic is +INF (outside the meter's range)")]
    [InlineData((ushort)0x0802, "systolic is -INF (outside the meter's range)")]
    public void TryParse_SpecialSystolic_IsRejectedWithItsName(ushort raw, string expected)
    {
        Assert.False(BloodPressureMeasurementParser.TryParse(BpmFrame(0, rawSystolic: raw), out _, out var error));

        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_SpecialDiastolic_IsRejected()
    {
        Assert.False(BloodPressureMeasurementParser.TryParse(BpmFrame(0, rawDiastolic: 0x07FE), out _, out var error));

        Assert.Equal("diastolic is +INF (outside the meter's range)", error);
    }

    [Fact]
    public void TryParse_MapNaNAndPulseNaN_AreAbsentNotNumbers()
    {
        var m = Parse(BpmFrame(0x04, 120, 80, rawMap: 0x07FF, rawPulse: 0x07FF));

        Assert.Null(m.MeanArterialMmHg);
        Assert.Null(m.PulseBpm);
    }

    [Fact]
    public void TryParse_MapZeroStrict_IsRejectedAndNamesTheProfile()
    {
        Assert.False(BloodPressureMeasurementParser.TryParse(BpmFrame(0, 120, 80, 0), out _, out var error));

        Assert.Contains("quirk profile", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(255)]
    public void TryParse_UserId_IsKept(int user)
    {
        Assert.Equal((byte)user, Parse(BpmFrame(0x08, 120, 80, 93, user: (byte)user)).UserId);
    }

    [Fact]
    public void TryParse_ReservedFlagBits_AreIgnored()
    {
        var m = Parse(BpmFrame(0xE0, 120, 80, 93));

        Assert.Equal(120, m.SystolicMmHg);
    }

    [Theory]
    [InlineData("E8 07 0D 01 00 00 00", "impossible timestamp 2024-13-01 00:00:00")]
    [InlineData("E8 07 02 1E 00 00 00", "impossible date 2024-02-30")]
    [InlineData("E8 07 02 01 18 00 00", "impossible timestamp 2024-02-01 24:00:00")]
    [InlineData("10 27 01 01 00 00 00", "impossible timestamp 10000-01-01 00:00:00")]
    [InlineData("2D 06 01 01 00 00 00", "impossible timestamp 1581-01-01 00:00:00")]
    public void TryParse_ImpossibleTimestamp_IsRejected(string timestamp, string expected)
    {
        Assert.False(BloodPressureMeasurementParser.TryParse(BpmFrame(0x02, 120, 80, 93, timestamp: Vectors.Hex(timestamp)), out _, out var error));

        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("00 00 01 01 00 00 00")]
    [InlineData("E8 07 00 01 00 00 00")]
    [InlineData("E8 07 01 00 00 00 00")]
    public void TryParse_ZeroYearMonthOrDay_IsUnknownClock(string timestamp)
    {
        var m = Parse(BpmFrame(0x02, 120, 80, 93, timestamp: Vectors.Hex(timestamp)));

        Assert.True(m.HasTimestamp);
        Assert.Null(m.MeasuredAtLocal);
    }

    [Theory]
    [InlineData(320, 80)]
    [InlineData(120, 130)]
    [InlineData(30, 20)]
    public void TryParse_ImpossiblePressures_AreRejected(int systolic, int diastolic)
    {
        Assert.False(BloodPressureMeasurementParser.TryParse(BpmFrame(0, systolic, diastolic, rawMap: 0x07FF), out _, out var error));

        Assert.StartsWith("impossible blood pressure", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_EveryTruncation_IsRejectedWithoutThrowing()
    {
        var full = Vectors.Load("bpm-nordic-full.hex");
        for (var length = 0; length < full.Length; length++)
        {
            Assert.False(BloodPressureMeasurementParser.TryParse(full.AsSpan(0, length), out _, out var error));
            Assert.False(string.IsNullOrEmpty(error));
        }
    }

    [Fact]
    public void ToRecord_WithOffset_PlacesTheMeterClockAndCarriesTheValues()
    {
        var m = Parse(Vectors.Load("bpm-derdilla-timestamp.hex"));

        var record = m.ToRecord("BM-1", 7, TimeSpan.FromHours(8));

        Assert.Equal(new DateTimeOffset(2024, 6, 15, 17, 17, 27, TimeSpan.FromHours(8)), record.MeasuredAt);
        Assert.Equal(("BM-1", 7L, 124.0, 86.0, 51), (record.MeterSerial, record.RecordNumber, record.SystolicMmHg, record.DiastolicMmHg, record.PulseBpm));
    }

    [Fact]
    public void ToRecord_UnknownClock_HasNoMeasuredAt()
    {
        Assert.Null(Parse(Vectors.Load("bpm-nordic-full.hex")).ToRecord("BM-1", 1, TimeSpan.Zero).MeasuredAt);
    }

    internal static byte[] BpmFrame(
        byte flags,
        int systolic = 120,
        int diastolic = 80,
        int map = 93,
        ushort? rawSystolic = null,
        ushort? rawDiastolic = null,
        ushort? rawMap = null,
        byte[]? timestamp = null,
        ushort? rawPulse = null,
        byte? user = null,
        ushort? status = null)
    {
        var bytes = new List<byte> { flags };
        Add16(bytes, rawSystolic ?? (ushort)systolic);
        Add16(bytes, rawDiastolic ?? (ushort)diastolic);
        Add16(bytes, rawMap ?? (ushort)map);
        bytes.AddRange(timestamp ?? []);
        if (rawPulse is { } p)
        {
            Add16(bytes, p);
        }

        if (user is { } u)
        {
            bytes.Add(u);
        }

        if (status is { } s)
        {
            Add16(bytes, s);
        }

        return [.. bytes];
    }

    private static void Add16(List<byte> bytes, ushort value)
    {
        bytes.Add((byte)value);
        bytes.Add((byte)(value >> 8));
    }

    private static BloodPressureMeasurement Parse(byte[] bytes, BloodPressureQuirks? quirks = null)
    {
        Assert.True(BloodPressureMeasurementParser.TryParse(bytes, quirks ?? BloodPressureProfiles.Standard, out var m, out var error), error);
        return m;
    }
}
