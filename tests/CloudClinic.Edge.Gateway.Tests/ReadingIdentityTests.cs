using CloudClinic.Contracts;
using CloudClinic.Edge.Devices;
using CloudClinic.Edge.Gateway.Acquisition;

namespace CloudClinic.Edge.Gateway.Tests;

public class ReadingIdentityTests
{
    private static readonly DateTimeOffset Beijing = new(2025, 3, 1, 8, 15, 30, TimeSpan.FromHours(8));
    private static readonly ReadingSource Source = new("clinic-1", "gw-1", "bp-1", "cclp1-meter", Transports.Serial, "cclp1");

    [Fact]
    public void For_MeterClockWithSeconds_UsesSerialKindRecordAndUtcTime()
    {
        var id = ReadingIdentity.For(Bp(17, Beijing, hasSeconds: true));

        Assert.Equal("cclp1-BP0042-bloodPressure-r17-20250301T001530Z", id);
    }

    [Fact]
    public void For_SameInstantInAnotherZone_IsTheSameId()
    {
        Assert.Equal(ReadingIdentity.For(Bp(17, Beijing, true)), ReadingIdentity.For(Bp(17, Beijing.ToOffset(TimeSpan.FromHours(-5)), true)));
    }

    [Fact]
    public void For_MinuteClock_AddsTheValues()
    {
        var id = ReadingIdentity.For(Bp(17, Beijing.AddSeconds(-30), hasSeconds: false));

        Assert.Equal("cclp1-BP0042-bloodPressure-r17-20250301T0015Z-182-112-80", id);
    }

    [Fact]
    public void For_UnknownClock_UsesTheRecordNumber()
    {
        var id = ReadingIdentity.For(new GlucoseRecord { MeterSerial = "GL7", RecordNumber = 5, GlucoseMmolL = 5.6 });

        Assert.Equal("cclp1-GL7-glucose-r5", id);
    }

    [Fact]
    public void For_SerialMeterProtocol_StartsWithThatProtocol()
    {
        var id = ReadingIdentity.For(new GlucoseRecord { MeterSerial = "QS051S35Y", RecordNumber = 415, MeasuredAt = Beijing, GlucoseMmolL = 6.94, GlucoseMgdL = 125 }, "onetouch-ultra2");

        Assert.Equal("onetouch-ultra2-QS051S35Y-glucose-r415-20250301T001530Z", id);
    }

    [Fact]
    public void For_MinuteMeterWithUnsetClock_StillAddsTheValues()
    {
        // Two tests in one minute of an unset clock share the minute-based record number: the value keeps them apart.
        var record = new GlucoseRecord { MeterSerial = "CF-0042", RecordNumber = 7, MeasuredAtHasSeconds = false, GlucoseMmolL = 5.55, GlucoseMgdL = 100 };

        Assert.Equal("sd-codefree-CF-0042-glucose-r7-5.55", ReadingIdentity.For(record, "sd-codefree"));
    }

    [Fact]
    public void Map_GatewayFlags_AreAddedAfterTheMetersAndReportTheProtocol()
    {
        var record = new GlucoseRecord { MeterSerial = "GL7", RecordNumber = 5, MeasuredAt = Beijing, GlucoseMmolL = 5.6, Flags = ["controlSolution"] };

        var reading = ReadingMapper.Map(record, Source with { Protocol = "taidoc-td42xx", Model = "TaiDoc TD-4277" }, Beijing, ["clockDrift"]);

        Assert.Equal(["controlSolution", "clockDrift"], reading.Flags);
        Assert.Equal("taidoc-td42xx", reading.Device.Protocol);
        Assert.Equal("TaiDoc TD-4277", reading.Device.Model);
        Assert.StartsWith("taidoc-td42xx-GL7-glucose-r5-", reading.ReadingId, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_UnknownClock_UsesGatewayTimeAndSaysSo()
    {
        var receivedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var reading = ReadingMapper.Map(Bp(9, null, true), Source, receivedAt);

        Assert.Equal(receivedAt, reading.MeasuredAt);
        Assert.Equal(receivedAt, reading.ReceivedAt);
        Assert.Equal(ClockSources.Gateway, reading.ClockSource);
        Assert.Equal("cclp1-BP0042-bloodPressure-r9", reading.ReadingId);
    }

    [Fact]
    public void Map_Glucose_CarriesCanonicalAndStoredValues()
    {
        var record = new GlucoseRecord
        {
            MeterSerial = "GL7", RecordNumber = 5, MeasuredAt = Beijing, GlucoseMmolL = 5.61, GlucoseMgdL = 101,
            Meal = MealContexts.Fasting, Flags = [ReadingFlags.ControlSolution],
        };

        var reading = ReadingMapper.Map(record, Source, Beijing);

        Assert.Equal(ReadingKinds.Glucose, reading.Kind);
        Assert.Equal(5.61, reading.MmolL);
        Assert.Equal(101, reading.MgdL);
        Assert.Equal(MealContexts.Fasting, reading.Meal);
        Assert.Null(reading.Systolic);
        Assert.Equal([ReadingFlags.ControlSolution], reading.Flags);
        Assert.Null(reading.ClockSource);
    }

    [Theory]
    [InlineData("$CCGL,GL7,6,20250301T073000+0800,33.3,mmol,postprandial,HI,*7F")]
    [InlineData("24 43 43 47 4C 2C 47 4C 37 2C 36 2C 32 30 32 35 30 33 30 31 54 30 37 33 30 30 30 2B 30 38 30 30 2C 33 33 2E 33 2C 6D 6D 6F 6C 2C 70 6F 73 74 70 72 61 6E 64 69 61 6C 2C 48 49 2C 2A 37 46")]
    public void TryDecode_TextOrHex_GivesTheWireReading(string input)
    {
        Assert.True(CclpFrameDecoder.TryDecode(input, "c", "g", Beijing, out var reading, out var error), error);

        Assert.Equal(OutOfRangeMarks.High, reading.OutOfRange);
        Assert.Equal("cclp1-GL7-glucose-r6-20250228T233000Z", reading.ReadingId);
    }

    [Theory]
    [InlineData("hello", "not a CCLP/1 frame")]
    [InlineData("$CCGL,GL7,6,20250301T073000+0800,33.3,mmol,postprandial,HI,*00", "checksum mismatch")]
    public void TryDecode_BadInput_GivesTheReason(string input, string reason)
    {
        Assert.False(CclpFrameDecoder.TryDecode(input, "c", "g", Beijing, out _, out var error));

        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    private static BloodPressureRecord Bp(long record, DateTimeOffset? at, bool hasSeconds) => new()
    {
        MeterSerial = "BP0042",
        RecordNumber = record,
        MeasuredAt = at,
        MeasuredAtHasSeconds = hasSeconds,
        SystolicMmHg = 182,
        DiastolicMmHg = 112,
        PulseBpm = 80,
    };
}
