using CloudClinic.Edge.Devices.Glucose;

namespace CloudClinic.Edge.Devices.Tests;

public class RecordAccessControlPointTests
{
    [Fact]
    public void Builders_EachRequest_IsTheDocumentedBytes()
    {
        Assert.Equal(Vectors.Hex("01 01"), RecordAccessControlPoint.ReportAll());
        Assert.Equal(Vectors.Hex("04 01"), RecordAccessControlPoint.CountAll());
        Assert.Equal(Vectors.Hex("01 03 01 2A 00"), RecordAccessControlPoint.ReportFromSequence(42));
        Assert.Equal(Vectors.Hex("01 03 01 34 12"), RecordAccessControlPoint.ReportFromSequence(0x1234));
        Assert.Equal(Vectors.Hex("04 03 01 2A 00"), RecordAccessControlPoint.CountFromSequence(42));
        Assert.Equal(Vectors.Hex("03 00"), RecordAccessControlPoint.Abort());
    }

    [Fact]
    public void TryParseResponse_NumberOfRecords_Is258()
    {
        Assert.True(RecordAccessControlPoint.TryParseResponse(Vectors.Hex("05 00 02 01"), out var response, out var error), error);

        Assert.Equal((ushort)258, response.NumberOfRecords);
        Assert.True(response.CompletedNormally);
    }

    [Theory]
    [InlineData("06 00 01 01", 1, RecordAccessResponseCode.Success, true)]
    [InlineData("06 00 01 06", 1, RecordAccessResponseCode.NoRecordsFound, true)]
    [InlineData("06 00 03 07", 3, RecordAccessResponseCode.AbortUnsuccessful, false)]
    [InlineData("06 00 01 08", 1, RecordAccessResponseCode.ProcedureNotCompleted, false)]
    [InlineData("06 00 04 09", 4, RecordAccessResponseCode.OperandNotSupported, false)]
    public void TryParseResponse_ResponseCodes_AreNamed(string hex, int request, RecordAccessResponseCode code, bool normal)
    {
        Assert.True(RecordAccessControlPoint.TryParseResponse(Vectors.Hex(hex), out var response, out _));

        Assert.Equal((byte?)request, response.RequestOpCode);
        Assert.Equal(code, response.Code);
        Assert.Equal(normal, response.CompletedNormally);
    }

    [Theory]
    [InlineData("", "truncated")]
    [InlineData("05", "truncated")]
    [InlineData("05 00 02", "RACP response op 0x05 has 3 bytes (want 4)")]
    [InlineData("06 00 01 01 00", "RACP response op 0x06 has 5 bytes (want 4)")]
    [InlineData("06 00 01 00", "RACP response code 0x00 is reserved")]
    [InlineData("06 00 01 0A", "RACP response code 0x0A is reserved")]
    [InlineData("06 01 01 01", "RACP response operator 0x01 is not null (0x00)")]
    [InlineData("01 00 01 01", "RACP op code 0x01 is not a response (5 or 6)")]
    public void TryParseResponse_Malformed_IsRejected(string hex, string expected)
    {
        Assert.False(RecordAccessControlPoint.TryParseResponse(Vectors.Hex(hex), out _, out var error));

        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }
}
