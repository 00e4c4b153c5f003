namespace CloudClinic.Edge.Devices.SerialMeters.OneTouchUltra2;

/// <summary><c>F "DOW","MM/DD/YY","HH:MM:SS   "</c> (DMF, read clock) or <c>T …</c> (DMT, clock set).</summary>
public sealed record OneTouchUltra2Clock(DateTime MeterLocalTime) : OneTouchUltra2Reply;
