using System.Diagnostics.CodeAnalysis;
using CloudClinic.Edge.Devices.Codecs;

namespace CloudClinic.Edge.Devices.Glucose;

/// <summary>
/// Record Access Control Point, characteristic 0x2A52 (GLS 1.0 §3.2.5): request builders and the response parser.
/// Incremental sync keeps the last stored sequence per meter and asks for records with sequence ≥ last + 1.
/// </summary>
public static class RecordAccessControlPoint
{
    public const ushort CharacteristicUuid = 0x2A52;

    // Op codes and operators (GLS 1.0 Table 3.x); filter type 1 = sequence number.
    internal const byte ReportStoredRecords = 0x01;
    internal const byte AbortOperation = 0x03;
    internal const byte ReportNumberOfRecords = 0x04;
    internal const byte NumberOfRecordsResponse = 0x05;
    internal const byte ResponseCode = 0x06;
    private const byte OperatorNull = 0x00;
    private const byte OperatorAll = 0x01;
    private const byte OperatorGreaterOrEqual = 0x03;
    private const byte FilterSequenceNumber = 0x01;

    /// <summary><c>01 01</c>: report all stored records.</summary>
    public static byte[] ReportAll() => [ReportStoredRecords, OperatorAll];

    /// <summary><c>04 01</c>: report the number of all stored records.</summary>
    public static byte[] CountAll() => [ReportNumberOfRecords, OperatorAll];

    /// <summary><c>01 03 01 lo hi</c>: report records with sequence ≥ <paramref name="sequence"/>.</summary>
    public static byte[] ReportFromSequence(ushort sequence) => [ReportStoredRecords, OperatorGreaterOrEqual, FilterSequenceNumber, (byte)sequence, (byte)(sequence >> 8)];

    /// <summary><c>04 03 01 lo hi</c>: count records with sequence ≥ <paramref name="sequence"/>.</summary>
    public static byte[] CountFromSequence(ushort sequence) => [ReportNumberOfRecords, OperatorGreaterOrEqual, FilterSequenceNumber, (byte)sequence, (byte)(sequence >> 8)];

    /// <summary><c>03 00</c>: abort the running procedure.</summary>
    public static byte[] Abort() => [AbortOperation, OperatorNull];

    public static bool TryParseResponse(ReadOnlySpan<byte> value, [NotNullWhen(true)] out RecordAccessResponse? response, [NotNullWhen(false)] out string? error)
    {
        response = null;
        var cursor = new ByteCursor(value);
        if (!cursor.TryByte(out var opCode) || !cursor.TryByte(out var op))
        {
            error = "truncated: a RACP response has at least op code and operator";
            return false;
        }

        if (op != OperatorNull)
        {
            error = $"RACP response operator 0x{op:X2} is not null (0x00)";
            return false;
        }

        switch (opCode)
        {
            case NumberOfRecordsResponse when cursor.TryUInt16(out var count) && cursor.Remaining == 0:
                response = new RecordAccessResponse { NumberOfRecords = count };
                break;
            case ResponseCode when cursor.TryByte(out var request) && cursor.TryByte(out var code) && cursor.Remaining == 0:
                if (code is 0 or > (byte)RecordAccessResponseCode.OperandNotSupported)
                {
                    error = $"RACP response code 0x{code:X2} is reserved";
                    return false;
                }

                response = new RecordAccessResponse { RequestOpCode = request, Code = (RecordAccessResponseCode)code };
                break;
            case NumberOfRecordsResponse or ResponseCode:
                error = $"RACP response op 0x{opCode:X2} has {value.Length} bytes (want 4)";
                return false;
            default:
                error = $"RACP op code 0x{opCode:X2} is not a response (5 or 6)";
                return false;
        }

        error = null;
        return true;
    }
}
