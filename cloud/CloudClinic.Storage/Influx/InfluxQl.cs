using System.Text;

namespace CloudClinic.Storage.Influx;

/// <summary>
/// Quoting for InfluxQL (InfluxDB 1.x influxql/scanner.go): in a single-quoted string only <c>\\</c>, <c>\'</c>,
/// <c>\"</c> and <c>\n</c> are escapes and a raw newline is an error, so every value from outside goes through
/// <see cref="String"/> — a patient id like <c>' OR 1=1</c> stays a string and can never become query text.
/// </summary>
internal static class InfluxQl
{
    /// <summary>A single-quoted string literal.</summary>
    public static string String(string value) => Quote(value, '\'');

    /// <summary>
    /// Whether <see cref="String"/> can carry the value: InfluxQL's reader turns a carriage return into a newline
    /// before scanning, and a string literal has no escape for it.
    /// </summary>
    public static bool IsStringSafe(string value) => !value.Contains('\r', StringComparison.Ordinal);

    /// <summary>
    /// A regex literal matching exactly <paramref name="value"/> (<c>/^…$/</c>), for values <see cref="String"/> cannot
    /// carry. RE2 metacharacters are escaped as Go's regexp.QuoteMeta does, <c>/</c> as <c>\/</c> (the only escape the
    /// InfluxQL scanner itself resolves) and control characters as <c>\x{HH}</c>, so no raw line break reaches the scanner.
    /// </summary>
    public static string ExactRegex(string value)
    {
        var text = new StringBuilder(value.Length + 8).Append("/^");
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                text.Append(@"\x{").Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)).Append('}');
            }
            else if (@"\.+*?()|[]{}^$/".Contains(c, StringComparison.Ordinal))
            {
                text.Append('\\').Append(c);
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append("$/").ToString();
    }

    /// <summary>A double-quoted identifier (database, measurement, tag or field name).</summary>
    public static string Identifier(string value) => Quote(value, '"');

    private static string Quote(string value, char quote)
    {
        var text = new StringBuilder(value.Length + 2).Append(quote);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\':
                    text.Append(@"\\");
                    break;
                case '\n':
                    text.Append(@"\n");
                    break;
                case '\'' or '"':
                    text.Append('\\').Append(c);
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        return text.Append(quote).ToString();
    }
}
