namespace CloudClinic.Edge.Devices.SerialMeters.OneTouchUltra2;

/// <summary><c>P nnn,"serial","MG/DL "</c>: the first line of a DMP dump; <see cref="Count"/> records follow.</summary>
public sealed record OneTouchUltra2DumpHeader(int Count, string Serial, string DisplayUnit) : OneTouchUltra2Reply;
