using System.Text;

namespace CloudClinic.Contracts.Tests;

public sealed class ReadingPayloadTests
{
    [Fact]
    public void TryParse_SingleObject_ReturnsOneReading()
    {
        var payload = ReadingPayload.Serialize(Samples.BloodPressure());

        Assert.True(ReadingPayload.TryParse(payload, out var readings, out var error), error);
        Assert.Equal("r-1", Assert.Single(readings).ReadingId);
    }

    [Fact]
    public void TryParse_ArrayWithLeadingWhitespace_ReturnsAllInOrder()
    {
        var batch = Enumerable.Range(0, 3).Select(i => Samples.BloodPressure($"r-{i}")).ToArray();
        var payload = Encoding.UTF8.GetBytes("  \n" + Encoding.UTF8.GetString(ReadingPayload.Serialize(batch)));

        Assert.True(ReadingPayload.TryParse(payload, out var readings, out var error), error);
        Assert.Equal(["r-0", "r-1", "r-2"], readings.Select(r => r.ReadingId));
    }

    [Fact]
    public void TryParse_MoreThanMaxBatch_RejectsWithReason()
    {
        var batch = Enumerable.Range(0, ReadingPayload.MaxBatch + 1).Select(i => Samples.BloodPressure($"r-{i}")).ToArray();

        Assert.False(ReadingPayload.TryParse(ReadingPayload.Serialize(batch), out _, out var error));
        Assert.Contains("exceeds the limit of 500", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "not a JSON object or array")]
    [InlineData("42", "not a JSON object or array")]
    [InlineData("[]", "empty reading array")]
    [InlineData("[null]", "null element in reading array")]
    [InlineData("{\"schema\":", "malformed reading JSON")]
    [InlineData("{\"readingId\":1}", "malformed reading JSON")]
    public void TryParse_BadPayload_RejectsWithReason(string payload, string expectedReason)
    {
        Assert.False(ReadingPayload.TryParse(Encoding.UTF8.GetBytes(payload), out var readings, out var error));
        Assert.Null(readings);
        Assert.Contains(expectedReason, error, StringComparison.Ordinal);
    }
}
