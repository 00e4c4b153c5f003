namespace CloudClinic.Edge.Devices.SerialMeters.TaiDoc;

/// <summary>One checksummed 8-byte TaiDoc frame: <c>51 CMD d0 d1 d2 d3 DIR CK</c>.</summary>
public sealed record TaiDocFrame(byte Command, byte D0, byte D1, byte D2, byte D3, bool FromMeter)
{
    /// <summary>d0 | d1 &lt;&lt; 8: the little-endian word most messages start with.</summary>
    public ushort Word => (ushort)(D0 | (D1 << 8));
}
