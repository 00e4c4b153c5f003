namespace CloudClinic.Edge.Devices.LineProtocol;

/// <summary>The fields every CCLP/1 sentence starts with: sentence id, meter serial, record number, time.</summary>
internal readonly record struct RecordHeader(string Serial, long RecordNumber, DateTimeOffset? MeasuredAt, bool HasSeconds)
{
    public static bool TryParse(string[] f, int fieldCount, out RecordHeader header, out string? error)
    {
        header = default;
        if (f.Length != fieldCount)
        {
            var what = f.Length < fieldCount ? "truncated" : "too many fields";
            return LineProtocolParser.Fail($"{what}: {f[0]} has {fieldCount - 1} fields after the sentence id, this frame {f.Length - 1}", out error!);
        }

        if (!LineProtocolFields.IsValidSerial(f[1]))
        {
            return LineProtocolParser.Fail($"meter serial '{f[1]}' is not 1-{LineProtocolFields.MaxSerialLength} letters, digits or '-'", out error!);
        }

        if (!LineProtocolFields.TryParseRecordNumber(f[2], out var recordNumber))
        {
            return LineProtocolParser.Fail($"record number '{f[2]}' is not a whole number 0-{uint.MaxValue}", out error!);
        }

        if (!LineProtocolFields.TryParseTimestamp(f[3], out var measuredAt, out var hasSeconds, out error))
        {
            return false;
        }

        header = new RecordHeader(f[1], recordNumber, measuredAt, hasSeconds);
        return true;
    }
}
