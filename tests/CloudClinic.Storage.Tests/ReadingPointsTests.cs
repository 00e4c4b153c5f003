using System.Text;
using System.Text.Unicode;
using CloudClinic.Contracts;
using CloudClinic.Storage.Influx;

namespace CloudClinic.Storage.Tests;

/// <summary>The UTF-8 writer against the previous StringBuilder implementation (<see cref="ReferenceLineProtocol"/>).</summary>
public sealed class ReadingPointsTests
{
    [Fact]
    public void ToWriter_RandomReadings_SameTextAndBytesAsReference()
    {
        var readings = new RandomReadings(seed: 20250301);
        for (var batch = 0; batch < 400; batch++)
        {
            var chunk = readings.Make(1 + (batch % 25));
            var reference = ReferenceLineProtocol.ToLineProtocol(chunk);

            using var writer = ReadingPoints.ToWriter(chunk);

            Assert.Equal(reference, writer.ToString());
            Assert.Equal(Encoding.UTF8.GetBytes(reference), LineProtocolWriterTests.Bytes(writer));
            Assert.Equal(Encoding.UTF8.GetByteCount(reference), writer.ByteCount);
            Assert.Equal(chunk.Count, writer.PointCount);
        }
    }

    [Fact]
    public void ToWriter_SampleReadings_SameTextAsReference()
    {
        ReadingMessage[] readings =
        [
            SampleReadings.BloodPressure("r-1"),
            SampleReadings.Glucose("r-2", patientId: null),
            SampleReadings.BloodPressure("r-3", patientId: "unassigned") with { Flags = [] },
        ];

        using var writer = ReadingPoints.ToWriter(readings);

        Assert.Equal(ReferenceLineProtocol.ToLineProtocol(readings), writer.ToString());
    }

    [Fact]
    public void ToWriter_5000Points_SpanSegmentsWithoutSplittingACharacter()
    {
        var readings = new RandomReadings(seed: 5000).Make(5000);
        var reference = ReferenceLineProtocol.ToLineProtocol(readings);

        using var writer = ReadingPoints.ToWriter(readings);
        var segments = writer.GetSegments().ToList();

        Assert.True(segments.Count > 4, $"{writer.ByteCount} bytes in {segments.Count} segments");
        Assert.All(segments, segment => Assert.True(Utf8.IsValid(segment.Span), "a segment ends inside a UTF-8 sequence"));
        Assert.Equal(reference, writer.ToString());
        Assert.Equal(Encoding.UTF8.GetBytes(reference), LineProtocolWriterTests.Bytes(writer));
    }

    [Fact]
    public void ToLineProtocol_RandomReadings_SameTextAsReference()
    {
        var readings = new RandomReadings(seed: 7).Make(300);

        Assert.Equal(ReferenceLineProtocol.ToLineProtocol(readings), ReadingPoints.ToLineProtocol(readings));
    }

    [Fact]
    public void ToWriter_UnknownKind_ThrowsArgumentException()
    {
        ReadingMessage[] readings = [SampleReadings.BloodPressure("r-1"), SampleReadings.Glucose("r-2") with { Kind = "weight" }];

        Assert.Throws<ArgumentException>(() => ReadingPoints.ToWriter(readings));
    }
}
