namespace CloudClinic.Edge.Devices.SerialMeters.OneTouchUltra2;

/// <summary>One checksummed reply line of a OneTouch Ultra 2 (see README.md in this folder).</summary>
public abstract record OneTouchUltra2Reply;
