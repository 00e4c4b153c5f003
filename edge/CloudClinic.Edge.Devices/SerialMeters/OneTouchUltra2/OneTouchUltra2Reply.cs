namespace CloudClinic.Edge.Devices.SerialMeters.OneTouchUltra2;

/// <summary>One checksummed reply line of a OneTouch Ultra 2 (see README.md in this folder).</summary>
public abstract record OneTouchUltra2Reply;

/// <summary><c>@ "serial"</c> (DM@). The ninth character is <c>Y</c> on an Ultra 2.</summary>
public sealed record OneTouchUltra2SerialNumber(string Serial) : OneTouchUltra2Reply;

/// <summary><c>F "DOW","MM/DD/YY","HH:MM:SS   "</c> (DMF, read clock) or <c>T …</c> (DMT, clock set).</summary>
public sealed record OneTouchUltra2Clock(DateTime MeterLocalTime) : OneTouchUltra2Reply;

/// <summary><c>P nnn,"serial","MG/DL "</c>: the first line of a DMP dump; <see cref="Count"/> records follow.</summary>
public sealed record OneTouchUltra2DumpHeader(int Count, string Serial, string DisplayUnit) : OneTouchUltra2Reply;
