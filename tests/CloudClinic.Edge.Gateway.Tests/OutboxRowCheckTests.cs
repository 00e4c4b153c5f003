using System.Text;
using System.Text.Json;
using CloudClinic.Contracts;
using CloudClinic.Edge.Gateway.Outbox;

namespace CloudClinic.Edge.Gateway.Tests;

public sealed class OutboxRowCheckTests
{
    [Fact]
    public void Problem_StoredReading_IsNull()
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(OutboxStoreTests.Bp("r-1", 120, 80), ContractJsonContext.Default.ReadingMessage);

        Assert.Null(OutboxRowCheck.Problem("r-1", payload));
    }

    [Theory]
    [InlineData("""{"readingId":"r-1","device":{"model":"m"}""", "truncated")]
    [InlineData("""{"readingId":"r-1"}]""", "trailing bytes")]
    [InlineData("""{"readingId":"r-1"}{"readingId":"r-1"}""", "two objects")]
    [InlineData("""[{"readingId":"r-1"}]""", "an array")]
    [InlineData("""{"readingId":"r-2","flags":[]}""", "another row's id")]
    [InlineData("""{"device":{"readingId":"r-1"}}""", "id only nested")]
    [InlineData("""{"readingId":"r-1","systolic":12 0}""", "bad number")]
    [InlineData("", "empty")]
    public void Problem_DamagedPayload_IsNamed(string json, string what)
    {
        Assert.True(OutboxRowCheck.Problem("r-1", Encoding.UTF8.GetBytes(json)) is not null, what);
    }
}
