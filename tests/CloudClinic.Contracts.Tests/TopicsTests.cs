namespace CloudClinic.Contracts.Tests;

public sealed class TopicsTests
{
    [Fact]
    public void Readings_BuildsContractTopic() =>
        Assert.Equal("cloudclinic/v1/zhangjiacun/gw-1/readings", Topics.Readings("zhangjiacun", "gw-1"));

    [Fact]
    public void Alerts_BuildsClinicTopic() =>
        Assert.Equal("cloudclinic/v1/zhangjiacun/alerts", Topics.Alerts("zhangjiacun"));

    [Theory]
    [InlineData("a", true)]
    [InlineData("clinic-01", true)]
    [InlineData("", false)]
    [InlineData("Clinic", false)]
    [InlineData("a/b", false)]
    [InlineData("a+", false)]
    [InlineData("张家村", false)]
    public void IsValidId_FollowsContractPattern(string id, bool valid) => Assert.Equal(valid, Topics.IsValidId(id));

    [Fact]
    public void IsValidId_At64And65Characters_AcceptsThenRejects()
    {
        Assert.True(Topics.IsValidId(new string('a', 64)));
        Assert.False(Topics.IsValidId(new string('a', 65)));
    }

    [Fact]
    public void TryParseGatewayTopic_ReadingsTopic_SplitsParts()
    {
        Assert.True(Topics.TryParseGatewayTopic("cloudclinic/v1/c-1/gw-2/readings", out var clinic, out var gateway, out var leaf));
        Assert.Equal(("c-1", "gw-2", "readings"), (clinic, gateway, leaf));
    }

    [Fact]
    public void TryParseGatewayTopic_SameGatewayAgain_SharesTheSegmentStrings()
    {
        // The ingest parses every message's topic: one gateway's segments come back as the same strings, not new ones.
        var first = string.Concat("cloudclinic/v1/", "c-1/gw-2/readings");
        var second = string.Concat("cloudclinic/v1/c-1/", "gw-2/readings");
        Assert.True(Topics.TryParseGatewayTopic(first, out var clinic1, out var gateway1, out var leaf1));
        Assert.True(Topics.TryParseGatewayTopic(second, out var clinic2, out var gateway2, out var leaf2));

        Assert.Same(clinic1, clinic2);
        Assert.Same(gateway1, gateway2);
        Assert.Same(leaf1, leaf2);
        Assert.True(Topics.TryParseGatewayTopic("cloudclinic/v1/c-9/gw-2/readings", out var other, out _, out _));
        Assert.Equal("c-9", other);
    }

    [Theory]
    [InlineData("cloudclinic/v2/c/g/readings")]
    [InlineData("cloudclinic/v1/C/g/readings")]
    [InlineData("cloudclinic/v1/c/readings")]
    [InlineData("cloudclinic/v1/c/g/readings/extra")]
    [InlineData("cloudclinic/v1//g/readings")]
    [InlineData("cloudclinic/v1/c//readings")]
    [InlineData("cloudclinic/v1/c/g")]
    [InlineData("xcloudclinic/v1/c/g/readings")]
    [InlineData("cloudclinic/v1")]
    [InlineData("")]
    public void TryParseGatewayTopic_OtherShapes_ReturnsFalse(string topic) =>
        Assert.False(Topics.TryParseGatewayTopic(topic, out _, out _, out _));

    [Fact]
    public void TryParseGatewayTopic_RandomTopics_AgreesWithSplittingOnSlashes()
    {
        // The parser slices spans for speed; the plain reading of the contract is "five parts split on '/'".
        string[] pieces = ["cloudclinic", "v1", "v2", "/", "/", "c-1", "gw", "G", "readings", "", "a/b", "é"];
        var random = new Random(20261129);
        for (var i = 0; i < 20_000; i++)
        {
            var topic = i % 2 == 0
                ? string.Concat(Enumerable.Range(0, random.Next(0, 10)).Select(_ => pieces[random.Next(pieces.Length)]))
                : $"cloudclinic/v1/{pieces[random.Next(pieces.Length)]}/{pieces[random.Next(pieces.Length)]}/{pieces[random.Next(pieces.Length)]}";
            var parts = topic.Split('/');
            var expected = parts.Length == 5 && parts[0] == "cloudclinic" && parts[1] == "v1" && Topics.IsValidId(parts[2]) && Topics.IsValidId(parts[3]);

            Assert.Equal(expected, Topics.TryParseGatewayTopic(topic, out var clinic, out var gateway, out var leaf));
            if (expected)
            {
                Assert.Equal((parts[2], parts[3], parts[4]), (clinic, gateway, leaf));
            }
        }
    }
}
