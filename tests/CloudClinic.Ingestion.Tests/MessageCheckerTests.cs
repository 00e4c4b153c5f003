using System.Text;
using CloudClinic.Contracts;
using CloudClinic.Ingestion.Processing;

namespace CloudClinic.Ingestion.Tests;

public sealed class MessageCheckerTests
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    [Fact]
    public void Check_ArrayWithOneBadReading_AcceptsTheRestAndNamesTheBadOne()
    {
        ReadingMessage[] batch = [Readings.BloodPressure("a"), Readings.BloodPressure("b", systolic: 999), Readings.Glucose("c")];

        var result = MessageChecker.Check(Message("cloudclinic/v1/clinic-a/gw-1/readings", ReadingPayload.Serialize(batch)), Now);

        Assert.Equal(["a", "c"], result.Accepted.Select(r => r.ReadingId));
        var refusal = Assert.Single(result.Refusals);
        Assert.StartsWith("reading[1] 'b': systolic 999", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ArrayWithOneBadReading_AcceptedJsonIsEachAcceptedReadingsOwnObject()
    {
        ReadingMessage[] batch = [Readings.BloodPressure("a"), Readings.BloodPressure("b", systolic: 999), Readings.Glucose("c")];

        var result = MessageChecker.Check(Message("cloudclinic/v1/clinic-a/gw-1/readings", ReadingPayload.Serialize(batch)), Now);

        // The evaluation queue stores these bytes: each must be exactly its accepted reading, in order.
        Assert.NotNull(result.AcceptedJson);
        Assert.Equal(
            result.Accepted.Select(r => Encoding.UTF8.GetString(ReadingPayload.Serialize(r))),
            result.AcceptedJson.Select(json => Encoding.UTF8.GetString(json.Span)));
    }

    [Theory]
    [InlineData("cloudclinic/v1/clinic-a/gw-1/status")]
    [InlineData("cloudclinic/v1/Clinic_A/gw-1/readings")]
    [InlineData("other/v1/clinic-a/gw-1/readings")]
    public void Check_TopicNotAReadingsTopic_Refuses(string topic)
    {
        var result = MessageChecker.Check(Message(topic, ReadingPayload.Serialize(Readings.BloodPressure("a"))), Now);

        Assert.Empty(result.Accepted);
        Assert.Contains("is not cloudclinic/v1/{clinic}/{gateway}/readings", Assert.Single(result.Refusals), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"schema\":", "malformed reading JSON")]
    [InlineData("", "not a JSON object or array")]
    [InlineData("[]", "empty reading array")]
    [InlineData("{\"schema\":\"cloudclinic.reading/1\"}", "malformed reading JSON")]
    public void Check_BadJson_RefusesWithReason(string payload, string reason)
    {
        var result = MessageChecker.Check(Message("cloudclinic/v1/clinic-a/gw-1/readings", Encoding.UTF8.GetBytes(payload)), Now);

        Assert.Empty(result.Accepted);
        Assert.Contains(reason, Assert.Single(result.Refusals), StringComparison.Ordinal);
    }

    private static InboundMessage Message(string topic, byte[] payload) => new(null!, topic, payload, 1, Now);
}
