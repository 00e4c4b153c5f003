using System.Globalization;

namespace CloudClinic.Edge.Devices.Codecs;

/// <summary>
/// A decoded IEEE 11073-20601 SFLOAT or FLOAT: mantissa × 10^exponent, or a special value. The value is only
/// reachable through <see cref="TryGetValue(int, out double)"/>, so a NaN or ±INF can never turn into a silent number.
/// </summary>
public readonly record struct MderNumber(MderValueKind Kind, int Mantissa, int Exponent)
{
    // Powers of ten that are exact doubles (10^22 is the largest): multiplying or dividing an integer mantissa by
    // one of them rounds once, so 176 × 10^-1 comes out as the double nearest 17.6.
    private static readonly double[] ExactPowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    public bool IsNumber => Kind == MderValueKind.Number;

    public static MderNumber Special(MderValueKind kind) => new(kind, 0, 0);

    /// <summary>The value × 10^<paramref name="extraExponent"/> (a unit change by a power of ten done exactly, e.g. kg/L → mg/dL is +5); false for a special value.</summary>
    public bool TryGetValue(int extraExponent, out double value)
    {
        if (!IsNumber)
        {
            value = double.NaN;
            return false;
        }

        value = Scale(Mantissa, Exponent + extraExponent);
        return true;
    }

    public bool TryGetValue(out double value) => TryGetValue(0, out value);

    public override string ToString() => Kind switch
    {
        MderValueKind.Number => Scale(Mantissa, Exponent).ToString("R", CultureInfo.InvariantCulture),
        MderValueKind.NotAtThisResolution => "NRes",
        MderValueKind.PositiveInfinity => "+INF",
        MderValueKind.NegativeInfinity => "-INF",
        _ => Kind.ToString(),
    };

    private static double Scale(int mantissa, int exponent)
    {
        var magnitude = Math.Abs(exponent);
        var power = magnitude < ExactPowersOfTen.Length ? ExactPowersOfTen[magnitude] : Math.Pow(10, magnitude);
        return exponent >= 0 ? mantissa * power : mantissa / power;
    }
}
