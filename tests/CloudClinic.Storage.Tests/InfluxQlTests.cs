using CloudClinic.Storage.Influx;

namespace CloudClinic.Storage.Tests;

public sealed class InfluxQlTests
{
    [Theory]
    [InlineData("p-1", "'p-1'")]
    [InlineData("' OR 1=1 --", @"'\' OR 1=1 --'")]
    [InlineData("back\\slash", @"'back\\slash'")]
    [InlineData("new\nline", @"'new\nline'")]
    [InlineData("dq\"", "'dq\\\"'")]
    public void String_HostileValue_StaysOneLiteral(string value, string expected)
    {
        Assert.Equal(expected, InfluxQl.String(value));
    }

    [Fact]
    public void Identifier_WithQuote_IsEscaped()
    {
        Assert.Equal("\"db\\\"x\"", InfluxQl.Identifier("db\"x"));
    }
}
