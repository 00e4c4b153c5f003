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

    [Theory]
    [InlineData("cloudclinic/v2/c/g/readings")]
    [InlineData("cloudclinic/v1/C/g/readings")]
    [InlineData("cloudclinic/v1/c/readings")]
    [InlineData("cloudclinic/v1/c/g/readings/extra")]
    public void TryParseGatewayTopic_OtherShapes_ReturnsFalse(string topic) =>
        Assert.False(Topics.TryParseGatewayTopic(topic, out _, out _, out _));
}
