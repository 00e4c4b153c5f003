namespace CloudClinic.Edge.Devices.SerialMeters.OneTouchUltra2;

/// <summary><c>@ "serial"</c> (DM@). The ninth character is <c>Y</c> on an Ultra 2.</summary>
public sealed record OneTouchUltra2SerialNumber(string Serial) : OneTouchUltra2Reply;
