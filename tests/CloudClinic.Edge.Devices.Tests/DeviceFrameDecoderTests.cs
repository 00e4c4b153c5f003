using System.Text.Json;
using CloudClinic.Edge.Devices.Decoding;

namespace CloudClinic.Edge.Devices.Tests;

public class DeviceFrameDecoderTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public void TryDecode_2A35NordicFull_PrintsWireFieldsAndGatewayClock()
    {
        var json = Decode("2A35", "1E 8A 00 58 00 78 00 00 00 04 11 14 29 3B 3C 00 01 27 00");

        Assert.Equal(
            """{"kind":"bloodPressure","protocol":"2A35","clockSource":"gateway","systolic":138,"diastolic":88,"meanArterial":120,"pulse":60,"originalUnit":"mmHg","flags":["irregularPulse","bodyMovement","cuffLoose","improperPosition"],"userId":1,"profile":"standard"}""",
            json);
    }

    [Fact]
    public void TryDecode_2A35WithProfile_ReadsTheBeurerRecording()
    {
        var json = Decode("2A35:beurer-bm85", "56 6A 00 47 00 00 00 EA 07 08 0B 12 1F 00 00 3F 00 00 00");

        Assert.Equal(
            """{"kind":"bloodPressure","protocol":"2A35","measuredAt":"2026-08-11T18:31:00+08:00","systolic":106,"diastolic":71,"pulse":63,"originalUnit":"mmHg","flags":[],"userId":0,"profile":"beurer-bm85"}""",
            json);
    }

    [Fact]
    public void TryDecode_2A18_PrintsMmolLMgdLMealAndSequence()
    {
        using var doc = JsonDocument.Parse(Decode("2A18", "02 05 00 E8 07 03 0F 07 1E 00 70 B0 11"));
        var root = doc.RootElement;

        Assert.Equal(5, root.GetProperty("sequence").GetInt32());
        Assert.Equal(6.22, root.GetProperty("mmolL").GetDouble());
        Assert.Equal(112, root.GetProperty("mgdL").GetDouble());
        Assert.Equal("unknown", root.GetProperty("meal").GetString());
        Assert.Equal("2024-03-15T07:30:00+08:00", root.GetProperty("measuredAt").GetString());
        Assert.Equal("capillaryWholeBlood", root.GetProperty("sample").GetString());
    }

    [Fact]
    public void TryDecode_2A18PlusInfinity_IsOutOfRangeHigh()
    {
        using var doc = JsonDocument.Parse(Decode("2A18", "0A 06 00 E8 07 03 0F 07 1E 00 FE 07 11 00 00"));

        Assert.Equal("high", doc.RootElement.GetProperty("outOfRange").GetString());
        Assert.Equal(33.3, doc.RootElement.GetProperty("mmolL").GetDouble());
    }

    [Fact]
    public void TryDecode_2A34_PrintsTheMeal()
    {
        Assert.Equal("""{"sequence":5,"meal":"fasting"}""", Decode("2A34", "02 05 00 03"));
    }

    [Fact]
    public void TryDecode_2A52_PrintsTheCount()
    {
        Assert.Equal("""{"numberOfRecords":258,"completedNormally":true}""", Decode("2A52", "05 00 02 01"));
    }

    [Theory]
    [InlineData("onetouch-ultra2", "P \"SAT\",\"08/03/13\",\"22:12:00   \",\"  125 \",\"B\",\"00\", 00 099A", 125, "preprandial")]
    [InlineData("ONETOUCH-ULTRA2", "50 20 22 53 41 54 22 2C 22 30 38 2F 30 33 2F 31 33 22 2C 22 32 32 3A 31 32 3A 30 30 20 20 20 22 2C 22 20 20 31 32 35 20 22 2C 22 42 22 2C 22 30 30 22 2C 20 30 30 20 30 39 39 41", 125, "preprandial")]
    [InlineData("sd-codefree", "53 20 13 20 01 18 03 0F 07 1E 00 70 10 01 02 03 04 05 06 07 4C AA", 112, "preprandial")]
    public void TryDecode_SerialGlucose_PrintsTheReading(string kind, string input, double mgdL, string meal)
    {
        using var doc = JsonDocument.Parse(Decode(kind, input));

        Assert.Equal("glucose", doc.RootElement.GetProperty("kind").GetString());
        Assert.Equal(mgdL, doc.RootElement.GetProperty("mgdL").GetDouble());
        Assert.Equal(meal, doc.RootElement.GetProperty("meal").GetString());
    }

    [Fact]
    public void TryDecode_OptiumDumpAsEscapedText_PrintsEveryReading()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "freestyle-optium-xmem.txt")).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

        using var doc = JsonDocument.Parse(Decode("freestyle-optium", text));

        Assert.Equal(3, doc.RootElement.GetProperty("readings").GetArrayLength());
        Assert.Equal("high", doc.RootElement.GetProperty("readings")[1].GetProperty("outOfRange").GetString());
    }

    [Fact]
    public void TryDecode_TaiDocTime_PrintsTheMeterTime()
    {
        Assert.Equal("""{"command":"0x25","direction":"meterToHost","meterTime":"2018-01-01T21:14"}""", Decode("taidoc-td42xx", "51 25 21 24 0E 15 A5 83"));
    }

    [Fact]
    public void TryDecode_LifeScanPacket_PrintsLinkControlAndMessage()
    {
        Assert.Equal("""{"linkControl":"0x08","message":""}""", Decode("lifescan-binary", "02 06 08 03 C2 62"));
    }

    [Theory]
    [InlineData("2A35", "56 6A 00 47 00 00 00 EA 07 08 0B 12 1F 00 00 3F 00 00 00", "1 byte(s) left over after the fields flags 0x56 announce (a meter quirk? see its profile)")]
    [InlineData("2A35:omron", "00", "unknown blood pressure profile 'omron' (known: standard, beurer-bm85)")]
    [InlineData("2A36", "00 96 00 FF 07 FF 07", "intermediate cuff pressure 150 mmHg: a progress value while the cuff inflates, never a reading")]
    [InlineData("2A18", "1B 00 00 E2 07 04 1A 0B 09 1E 1E 00 12 05 01", "truncated in the sensor status")]
    [InlineData("2A18", "zz", "input is not hex bytes")]
    [InlineData("onetouch-ultra2", "% 1337", "checksum mismatch: line says 1337, bytes give 0025")]
    [InlineData("taidoc-td42xx", "51 22 00 00 00 00 A3 17", "checksum mismatch: frame says 17, bytes give 16")]
    [InlineData("sd-codefree", "53 20 04 10 30 21 AA", "checksum mismatch: packet says 21, XOR of the message gives 20")]
    [InlineData("nonsense", "00", "unknown kind 'nonsense' (known: 2A35, 2A35:<profile>, 2A36, 2A18, 2A34, 2A52, onetouch-ultra2, freestyle-optium, taidoc-td42xx, sd-codefree, lifescan-binary)")]
    public void TryDecode_BadInput_GivesOneLineReason(string kind, string input, string expected)
    {
        Assert.False(DeviceFrameDecoder.TryDecode(kind, input, Beijing, out var json, out var error));

        Assert.Null(json);
        Assert.Equal(expected, error);
        Assert.DoesNotContain('\n', error);
    }

    private static string Decode(string kind, string input)
    {
        Assert.True(DeviceFrameDecoder.TryDecode(kind, input, Beijing, out var json, out var error), error);
        return json;
    }
}
