using System.Buffers;
using System.Globalization;
using System.Text;

namespace CloudClinic.Storage.Influx;

/// <summary>
/// Makes any string safe and reversible as an InfluxDB tag value. Line protocol cannot carry a newline in a tag,
/// and a backslash before a comma, a space or the end of the value is read as an escape (InfluxDB 1.x
/// models/points.go), so '%', '\' and control characters are percent-encoded (%XX). Plain ids — the
/// <c>[a-z0-9-]</c> clinic ids and ordinary patient ids — pass unchanged, so InfluxQL users query them as sent.
/// Queries must compare against <see cref="Encode"/>d values.
/// </summary>
internal static class InfluxTagValue
{
    // The characters of IsUnsafe, for a vectorised scan: every tag of every point goes through Encode.
    private static readonly SearchValues<char> UnsafeCharacters = SearchValues.Create(
        [.. "%\\", .. Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(char.IsControl)]);

    public static string Encode(string value)
    {
        if (!value.AsSpan().ContainsAny(UnsafeCharacters))
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (IsUnsafe(c))
            {
                text.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    public static string Decode(string value)
    {
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%'
                && i + 2 < value.Length
                && int.TryParse(value.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                text.Append((char)code);
                i += 2;
            }
            else
            {
                text.Append(value[i]);
            }
        }

        return text.ToString();
    }

    // Every char.IsControl char is below 0xA0, so "X2" always gives two hex digits.
    private static bool IsUnsafe(char c) => c is '%' or '\\' || char.IsControl(c);
}
