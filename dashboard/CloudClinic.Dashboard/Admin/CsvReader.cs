using System.Text;

namespace CloudClinic.Dashboard.Admin;

/// <summary>
/// RFC 4180 CSV: comma-separated, fields in double quotes may hold commas, line breaks and doubled quotes; CRLF or LF
/// line ends; a leading UTF-8 BOM (what Excel's "CSV UTF-8" writes) is dropped. Blank lines yield no record but are counted.
/// </summary>
internal static class CsvReader
{
    /// <summary>The records, or null and the row of an unterminated quoted field in <paramref name="errorRow"/>.</summary>
    public static IReadOnlyList<CsvRecord>? Read(string text, out int errorRow)
    {
        errorRow = 0;
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var row = 1;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var quoted = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' or '\n':
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    EndRecord(records, fields, field, ref row);
                    break;
                default:
                    field.Append(c);
                    break;
            }

            i++;
        }

        if (quoted)
        {
            errorRow = row;
            return null;
        }

        EndRecord(records, fields, field, ref row);
        return records;
    }

    private static void EndRecord(List<CsvRecord> records, List<string> fields, StringBuilder field, ref int row)
    {
        fields.Add(field.ToString());
        field.Clear();
        if (fields.Any(f => f.Length > 0))
        {
            records.Add(new CsvRecord(row, fields.ToArray()));
        }

        // Blank lines count, so the row numbers match what a spreadsheet shows.
        row++;
        fields.Clear();
    }
}
