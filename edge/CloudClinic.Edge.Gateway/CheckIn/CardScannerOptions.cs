namespace CloudClinic.Edge.Gateway.CheckIn;

/// <summary><c>Edge:CheckIn:Scanners:{i}</c>: a serial (or USB-serial) card scanner beside a station.</summary>
internal sealed class CardScannerOptions
{
    /// <summary>The serial device, e.g. <c>/dev/ttyACM0</c> (most USB scanners in CDC-ACM mode).</summary>
    public string Port { get; set; } = string.Empty;

    /// <summary>The station (an <c>Edge:Stations</c> name) a scan checks the patient in at.</summary>
    public string Station { get; set; } = string.Empty;

    public int BaudRate { get; set; } = 9600;
}
