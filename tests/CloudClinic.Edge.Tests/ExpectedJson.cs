using System.Text.Json;

namespace CloudClinic.Edge.Tests;

/// <summary>
/// Compares printed JSON with the properties a vector names: each must be present with the same JSON text, and a
/// property given as <c>null</c> must be absent (the decoder omits what the frame did not carry).
/// </summary>
internal static class ExpectedJson
{
    public static void AssertContains(string expected, string actual, string because)
    {
        using var wanted = JsonDocument.Parse(expected);
        using var printed = JsonDocument.Parse(actual);
        Assert.Equal(JsonValueKind.Object, printed.RootElement.ValueKind);
        foreach (var property in wanted.RootElement.EnumerateObject())
        {
            var present = printed.RootElement.TryGetProperty(property.Name, out var value);
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                Assert.False(present, $"{because}: '{property.Name}' should be absent in {actual}");
                continue;
            }

            Assert.True(present, $"{because}: no '{property.Name}' in {actual}");
            Assert.True(property.Value.GetRawText() == value.GetRawText(), $"{because}: '{property.Name}' is {value.GetRawText()}, expected {property.Value.GetRawText()}, in {actual}");
        }
    }
}
