using System.Text;
using CloudClinic.Edge.Gateway.CheckIn;

namespace CloudClinic.Edge.Gateway.Tests.CheckIn;

public sealed class CardScanReaderTests
{
    [Theory]
    [InlineData("6201020000001\r")]
    [InlineData("6201020000001\n")]
    [InlineData("6201020000001\r\n")]
    public void Feed_CodeWithAnySuffix_YieldsTheCodeOnce(string scan)
    {
        var results = new CardScanReader().Feed(Encoding.ASCII.GetBytes(scan)).ToList();

        Assert.Equal([("6201020000001", (string?)null)], results);
    }

    [Fact]
    public void Feed_CodeInOneByteChunks_YieldsItWhole()
    {
        var reader = new CardScanReader();
        var results = Encoding.ASCII.GetBytes("QR:P-0001\r").SelectMany(b => reader.Feed([b])).ToList();

        Assert.Equal("QR:P-0001", Assert.Single(results).Code);
    }

    [Fact]
    public void Feed_NoiseThenCode_RefusesNoiseKeepsCode()
    {
        var bytes = new byte[] { 0x00, 0xFF, 0x13, (byte)'\n' }.Concat(Encoding.ASCII.GetBytes("6201020000001\r")).ToArray();

        var results = new CardScanReader().Feed(bytes).ToList();

        Assert.Equal(2, results.Count);
        Assert.Contains("not printable ASCII", results[0].Refusal, StringComparison.Ordinal);
        Assert.Equal("6201020000001", results[1].Code);
    }

    [Fact]
    public void Feed_OverlongLine_IsRefusedAndNextCodeRead()
    {
        var bytes = Encoding.ASCII.GetBytes(new string('7', CardScanReader.MaxCodeLength + 50) + "\rABCD1234\r");

        var results = new CardScanReader().Feed(bytes).ToList();

        Assert.Contains("longer than", results[0].Refusal, StringComparison.Ordinal);
        Assert.Equal("ABCD1234", results[1].Code);
    }

    [Fact]
    public void Feed_TooShort_IsRefused() =>
        Assert.Contains("shorter than", new CardScanReader().Feed("12\r"u8).Single().Refusal, StringComparison.Ordinal);
}
