namespace CloudClinic.Edge.Devices.Glucose;

/// <summary>Response Code Values of the Record Access Control Point (GLS 1.0 §3.2.5 / GATT Supplement 0x2A52).</summary>
public enum RecordAccessResponseCode : byte
{
    Success = 0x01,
    OpCodeNotSupported = 0x02,
    InvalidOperator = 0x03,
    OperatorNotSupported = 0x04,
    InvalidOperand = 0x05,
    NoRecordsFound = 0x06,
    AbortUnsuccessful = 0x07,
    ProcedureNotCompleted = 0x08,
    OperandNotSupported = 0x09,
}
