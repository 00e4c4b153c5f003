using CloudClinic.Dashboard.Admin;

namespace CloudClinic.Dashboard.Tests.Admin;

public sealed class CsvReaderTests
{
    [Fact]
    public void Read_QuotedFieldsBomAndCrLf_SplitsPerRfc4180()
    {
        var records = CsvReader.Read("\uFEFF姓名,病种\r\n\"张,三\",\"高血压\"\"、糖尿病\"\r\n\r\n李四,\"a\nb\"\n", out _)!;

        Assert.Equal(3, records.Count);
        Assert.Equal(["姓名", "病种"], records[0].Fields);
        Assert.Equal(["张,三", "高血压\"、糖尿病"], records[1].Fields);
        Assert.Equal(["李四", "a\nb"], records[2].Fields);
        Assert.Equal((1, 2, 4), (records[0].Row, records[1].Row, records[2].Row));
    }

    [Fact]
    public void Read_UnterminatedQuote_ReturnsNullWithTheRow()
    {
        Assert.Null(CsvReader.Read("name\nok\n\"open,x\n", out var row));
        Assert.Equal(3, row);
    }
}
