namespace CloudClinic.Edge.Devices.Codecs;

/// <summary>
/// What an IEEE 11073-20601 SFLOAT/FLOAT holds (20601 Annex F.8): a number, or one of the reserved special values.
/// The special values are results in their own right (a meter saying "above my range" is +INF), never numbers.
/// </summary>
public enum MderValueKind
{
    Number,
    NaN,

    /// <summary>NRes: "not at this resolution" — the value cannot be represented with the available digits.</summary>
    NotAtThisResolution,
    PositiveInfinity,
    NegativeInfinity,

    /// <summary>Reserved for future use by the standard.</summary>
    Reserved,
}
