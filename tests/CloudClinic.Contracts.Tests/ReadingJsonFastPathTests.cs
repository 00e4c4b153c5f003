using System.Text;
using System.Text.Json;

namespace CloudClinic.Contracts.Tests;

/// <summary>
/// The fast path must never accept what the serializer refuses, and must read exactly what the serializer reads:
/// every accepted payload is compared with <see cref="JsonSerializer"/>'s result, re-serialized byte for byte.
/// </summary>
public sealed class ReadingJsonFastPathTests
{
    public static TheoryData<string> Golden => ["reading-bp.json", "reading-glucose-unassigned.json"];

    [Theory]
    [MemberData(nameof(Golden))]
    public void TryRead_GoldenReading_ReadsWhatTheSerializerReads(string file)
    {
        var payload = Encoding.UTF8.GetBytes(GoldenFile.Read(file));

        Assert.True(ReadingJsonFastPath.TryRead(payload, out var fast));

        AssertSameAsSerializer(payload, fast);
    }

    [Fact]
    public void TryRead_ArrayOfEveryShape_ReadsWhatTheSerializerReads()
    {
        var readings = new[]
        {
            Samples.BloodPressure("r-1") with { PatientId = "p-1", Station = "bp-1", Pulse = 61.5, MeanArterial = 93, Flags = ["bodyMovement", "cuffLoose"] },
            Samples.BloodPressure("r-2") with { Systolic = null, Diastolic = null, OutOfRange = OutOfRangeMarks.High, ClockSource = ClockSources.Gateway },
            Samples.BloodPressure("r-3") with { Kind = ReadingKinds.Glucose, Systolic = null, Diastolic = null, MmolL = 3.9, MgdL = 70.2, Meal = MealContexts.Fasting, Sample = "plasma" },
            Samples.BloodPressure("患者-4 \"quoted\" \\ \n") with { MeasuredAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero) },
        };
        var payload = ReadingPayload.Serialize(readings);

        Assert.True(ReadingJsonFastPath.TryRead(payload, out var fast));

        Assert.Equal(4, fast.Length);
        AssertSameAsSerializer(payload, fast);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryRead_Sources_EachIsItsReadingsOwnObject_ReadingBackTheSame(bool array)
    {
        // Whitespace, escapes and non-ASCII around and inside the objects: a source is the object's exact bytes.
        var readings = new[]
        {
            Samples.BloodPressure("患者-1 \"q\" \\") with { Station = "一号台", Flags = ["cuffLoose"] },
            Samples.BloodPressure("r-2") with { Kind = ReadingKinds.Glucose, Systolic = null, Diastolic = null, MmolL = 3.9, Meal = MealContexts.Fasting },
        };
        var objects = readings.Select(r => Encoding.UTF8.GetString(ReadingPayload.Serialize(r))).ToArray();
        var text = array ? " [ \n" + string.Join(" ,\r\n\t", objects) + " ] \n" : " \n" + objects[0] + "\t ";
        var payload = Encoding.UTF8.GetBytes(text);

        Assert.True(ReadingJsonFastPath.TryRead(payload, out var fast, out var sources));

        Assert.Equal(fast.Length, sources.Length);
        for (var i = 0; i < fast.Length; i++)
        {
            Assert.Equal(objects[i], Encoding.UTF8.GetString(payload.AsSpan()[sources[i]]));
            Assert.True(ReadingJsonFastPath.TryRead(payload.AsSpan()[sources[i]], out var again));
            Assert.Equal(Json(fast[i]), Json(Assert.Single(again)));
        }

        // The row the evaluation queue builds from them ("[" + objects joined by "," + "]") reads back the same too.
        var row = "[" + string.Join(",", sources.Select(r => Encoding.UTF8.GetString(payload.AsSpan()[r]))) + "]";
        Assert.Equal(
            JsonSerializer.Serialize(fast, ContractJsonContext.Default.ReadingMessageArray),
            JsonSerializer.Serialize(JsonSerializer.Deserialize(row, ContractJsonContext.Default.ReadingMessageArray), ContractJsonContext.Default.ReadingMessageArray));

        static string Json(ReadingMessage reading) => JsonSerializer.Serialize(reading, ContractJsonContext.Default.ReadingMessage);
    }

    [Fact]
    public void TryParse_SerializerRead_NoSources()
    {
        // Off the fast path's shape (an unknown field): the serializer reads it, and no reading's source is claimed.
        var payload = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(ReadingPayload.Serialize(Samples.BloodPressure("r-1"))).Replace("{", "{\"extra\":1,", StringComparison.Ordinal));

        Assert.True(ReadingPayload.TryParse(payload, out var readings, out var sources, out _));

        Assert.Single(readings);
        Assert.Null(sources);
    }

    [Fact]
    public void TryRead_RepeatedShortValues_AreSharedStrings_OthersDecodedAsTheSerializerDoes()
    {
        // Kinds, units, ids and device names repeat in every reading: one string each, not one per reading. Values
        // the shared table does not take (non-ASCII, escaped, over 64 bytes, invalid UTF-8) go through the reader.
        var readings = new[]
        {
            Samples.BloodPressure("r-1") with { Station = "一号台" },
            Samples.BloodPressure("r-2") with { Station = new string('s', 65), Flags = ["cuffLoose"] },
            Samples.BloodPressure("r-3") with { Station = "bp-1", Flags = ["cuffLoose"] },
        };
        var payload = ReadingPayload.Serialize(readings);

        Assert.True(ReadingJsonFastPath.TryRead(payload, out var fast));
        Assert.True(ReadingJsonFastPath.TryRead(payload, out var again));

        AssertSameAsSerializer(payload, fast);
        Assert.Same(fast[0].Kind, again[2].Kind);
        Assert.Same(fast[0].Device.Model, fast[1].Device.Model);
        Assert.Same(fast[1].Flags[0], again[2].Flags[0]);
        Assert.Equal("一号台", fast[0].Station);
        Assert.Equal(new string('s', 65), fast[1].Station);

        var escaped = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(ReadingPayload.Serialize([Samples.BloodPressure("r-4") with { Station = "bp-1" }]))
            .Replace("\"bp-1\"", "\"bp\\u002D1\"", StringComparison.Ordinal));
        Assert.True(ReadingJsonFastPath.TryRead(escaped, out var unescaped));
        Assert.Equal("bp-1", unescaped[0].Station);

        var invalid = ReadingPayload.Serialize([Samples.BloodPressure("r-5") with { Station = "bp-X" }]);
        invalid[Array.IndexOf(invalid, (byte)'X')] = 0xFF;
        Assert.False(ReadingJsonFastPath.TryRead(invalid, out _));
    }

    [Fact]
    public void TryRead_ExplicitNullsForOptionalFields_ReadsWhatTheSerializerReads()
    {
        var payload = Encoding.UTF8.GetBytes(GoldenFile.Read("reading-bp.json")
            .Replace("\"station\": \"bp-1\"", "\"station\": null", StringComparison.Ordinal)
            .Replace("\"pulse\": 78", "\"pulse\": null", StringComparison.Ordinal));

        Assert.True(ReadingJsonFastPath.TryRead(payload, out var fast));

        Assert.Null(fast[0].Station);
        AssertSameAsSerializer(payload, fast);
    }

    [Fact]
    public void TryRead_NoFlagsField_ReadsWhatTheSerializerReads()
    {
        var payload = Encoding.UTF8.GetBytes(GoldenFile.Read("reading-glucose-unassigned.json")
            .Replace(",\n  \"flags\": []", string.Empty, StringComparison.Ordinal));
        Assert.DoesNotContain("flags", Encoding.UTF8.GetString(payload), StringComparison.Ordinal);

        Assert.True(ReadingJsonFastPath.TryRead(payload, out var fast));
        Assert.Empty(fast[0].Flags);

        // The serializer's path (taken here because of the unknown field) gives the declared empty list too.
        var offShape = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(payload).Replace("\"kind\"", "\"note\": 1, \"kind\"", StringComparison.Ordinal));
        Assert.False(ReadingJsonFastPath.TryRead(offShape, out _));
        Assert.True(ReadingPayload.TryParse(offShape, out var parsed, out var error), error);
        Assert.Empty(Assert.Single(parsed).Flags);
    }

    // Everything off the canonical shape goes to the serializer, which accepts some of it (an unknown field, an
    // escaped name) and refuses the rest with its own words.
    [Theory]
    [InlineData("\"kind\": \"bloodPressure\"", "\"kind\": \"bloodPressure\", \"extra\": 1")]
    [InlineData("\"kind\": \"bloodPressure\"", "\"kind\": \"bloodPressure\", \"kind\": \"glucose\"")]
    [InlineData("\"kind\": \"bloodPressure\"", "\"k\\u0069nd\": \"bloodPressure\"")]
    [InlineData("\"kind\": \"bloodPressure\",", "")]
    [InlineData("\"kind\": \"bloodPressure\"", "\"kind\": null")]
    [InlineData("\"systolic\": 182", "\"systolic\": \"182\"")]
    [InlineData("\"systolic\": 182", "\"systolic\": 1e400")]
    [InlineData("\"measuredAt\": \"2026-11-28T09:15:00+08:00\"", "\"measuredAt\": \"yesterday\"")]
    [InlineData("\"serial\": \"SN00042\",", "")]
    [InlineData("\"serial\": \"SN00042\"", "\"serial\": \"SN00042\", \"colour\": \"white\"")]
    [InlineData("\"device\": {", "\"device\": null, \"unused\": {")]
    [InlineData("\"irregularPulse\"", "null")]
    [InlineData("\"flags\": [", "\"flags\": 7, \"unused\": [")]
    [InlineData("\"schema\"", "/* comment */ \"schema\"")]
    public void TryRead_OffTheCanonicalShape_LeavesItToTheSerializer(string find, string replace)
    {
        var text = GoldenFile.Read("reading-bp.json");
        Assert.Contains(find, text, StringComparison.Ordinal);
        var payload = Encoding.UTF8.GetBytes(text.Replace(find, replace, StringComparison.Ordinal));

        Assert.False(ReadingJsonFastPath.TryRead(payload, out _));
    }

    [Theory]
    [InlineData("\uFEFF{}")]
    [InlineData("{\"schema\":\"x\"} trailing")]
    [InlineData("[{\"schema\":\"x\"}, 3]")]
    [InlineData("[")]
    [InlineData("")]
    [InlineData("42")]
    public void TryRead_NotOneReadingOrAnArrayOfThem_LeavesItToTheSerializer(string payload) =>
        Assert.False(ReadingJsonFastPath.TryRead(Encoding.UTF8.GetBytes(payload), out _));

    [Fact]
    public void TryRead_TrailingContentAfterAValidReading_LeavesItToTheSerializer()
    {
        var payload = Encoding.UTF8.GetBytes(GoldenFile.Read("reading-bp.json") + " {}");

        Assert.False(ReadingJsonFastPath.TryRead(payload, out _));
        Assert.False(ReadingPayload.TryParse(payload, out _, out var error));
        Assert.Contains("malformed reading JSON", error, StringComparison.Ordinal);
    }

    /// <summary>Thousands of single-byte corruptions of a real payload: whatever the fast path accepts, the serializer reads the same way.</summary>
    [Fact]
    public void TryRead_CorruptedPayloads_NeverAcceptsWhatTheSerializerRefusesOrReadsOtherwise()
    {
        var original = Encoding.UTF8.GetBytes(GoldenFile.Read("reading-bp.json"));
        var random = new Random(20261129);
        var alphabet = "{}[]\":,0123456789.-+eE nulltruefalse\\ab"u8.ToArray();
        var accepted = 0;
        for (var i = 0; i < 5000; i++)
        {
            var payload = original.ToList();
            var at = random.Next(payload.Count);
            switch (random.Next(3))
            {
                case 0:
                    payload.RemoveAt(at);
                    break;
                case 1:
                    payload[at] = alphabet[random.Next(alphabet.Length)];
                    break;
                default:
                    payload.Insert(at, alphabet[random.Next(alphabet.Length)]);
                    break;
            }

            var bytes = payload.ToArray();
            if (ReadingJsonFastPath.TryRead(bytes, out var fast))
            {
                accepted++;
                AssertSameAsSerializer(bytes, fast);
            }
        }

        // Whitespace and digit changes keep many payloads valid: the comparison above ran, not just the refusals.
        Assert.InRange(accepted, 100, 5000);
    }

    private static void AssertSameAsSerializer(byte[] payload, ReadingMessage[] fast)
    {
        var first = payload.AsSpan().TrimStart(" \t\r\n"u8)[0];
        var expected = first == (byte)'['
            ? JsonSerializer.Deserialize(payload, ContractJsonContext.Default.ReadingMessageArray)!
            : [JsonSerializer.Deserialize(payload, ContractJsonContext.Default.ReadingMessage)!];
        Assert.Equal(
            JsonSerializer.Serialize(expected, ContractJsonContext.Default.ReadingMessageArray),
            JsonSerializer.Serialize(fast, ContractJsonContext.Default.ReadingMessageArray));
    }
}
