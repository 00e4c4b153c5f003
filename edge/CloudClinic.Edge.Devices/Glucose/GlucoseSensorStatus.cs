namespace CloudClinic.Edge.Devices.Glucose;

/// <summary>Sensor Status Annunciation of Glucose Measurement 0x2A18 (GATT Specification Supplement); bits 12-15 reserved.</summary>
[Flags]
public enum GlucoseSensorStatus : ushort
{
    None = 0,
    BatteryLow = 1 << 0,
    SensorMalfunction = 1 << 1,
    SampleSizeInsufficient = 1 << 2,
    StripInsertionError = 1 << 3,
    StripTypeIncorrect = 1 << 4,
    ResultLowerThanDeviceCanProcess = 1 << 5,
    ResultHigherThanDeviceCanProcess = 1 << 6,
    TemperatureTooHigh = 1 << 7,
    TemperatureTooLow = 1 << 8,
    ReadInterrupted = 1 << 9,
    GeneralDeviceFault = 1 << 10,
    TimeFault = 1 << 11,
}
