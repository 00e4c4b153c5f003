namespace CloudClinic.Edge.Devices.Glucose;

/// <summary>A Record Access Control Point indication: a record count (op 5) or a response code (op 6).</summary>
public sealed record RecordAccessResponse
{
    /// <summary>Set for "Number of Stored Records Response" (op code 5).</summary>
    public ushort? NumberOfRecords { get; init; }

    /// <summary>Set for "Response Code" (op code 6): the request op code it answers.</summary>
    public byte? RequestOpCode { get; init; }

    public RecordAccessResponseCode? Code { get; init; }

    /// <summary>The procedure ended normally: a count, success, or "no records found" (nothing new since N).</summary>
    public bool CompletedNormally => NumberOfRecords is not null || Code is RecordAccessResponseCode.Success or RecordAccessResponseCode.NoRecordsFound;
}
