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
