using CloudClinic.Contracts;

namespace CloudClinic.Edge.Devices.LineProtocol;

/// <summary>One-letter flag codes of CCLP/1 (docs/line-protocol.md §4.3) and their wire names.</summary>
internal static class LineProtocolFlags
{
    public static readonly IReadOnlyList<(char Code, string Name)> BloodPressure =
    [
        ('I', ReadingFlags.IrregularPulse),
        ('M', ReadingFlags.BodyMovement),
        ('C', ReadingFlags.CuffLoose),
        ('P', ReadingFlags.ImproperPosition),
    ];

    public static readonly IReadOnlyList<(char Code, string Name)> Glucose =
    [
        ('S', ReadingFlags.ControlSolution),
    ];

    /// <summary>Letters in any order, each at most once; the result follows the table order (stable ids, tests).</summary>
    public static bool TryParse(string field, IReadOnlyList<(char Code, string Name)> table, out IReadOnlyList<string> flags, out string? error)
    {
        flags = [];
        var seen = new bool[table.Count];
        foreach (var c in field)
        {
            var index = IndexOf(table, c);
            if (index < 0)
            {
                error = $"unknown flag '{c}' (allowed: {string.Concat(table.Select(t => t.Code))})";
                return false;
            }

            if (seen[index])
            {
                error = $"flag '{c}' given twice";
                return false;
            }

            seen[index] = true;
        }

        flags = [.. table.Where((_, i) => seen[i]).Select(t => t.Name)];
        error = null;
        return true;
    }

    public static string Format(IReadOnlyList<string> flags, IReadOnlyList<(char Code, string Name)> table)
    {
        var codes = new char[flags.Count];
        for (var i = 0; i < flags.Count; i++)
        {
            var match = table.FirstOrDefault(t => t.Name == flags[i]);
            if (match.Name is null)
            {
                throw new ArgumentException($"flag '{flags[i]}' has no CCLP/1 code for this record kind", nameof(flags));
            }

            codes[i] = match.Code;
        }

        return new string(codes);
    }

    private static int IndexOf(IReadOnlyList<(char Code, string Name)> table, char code)
    {
        for (var i = 0; i < table.Count; i++)
        {
            if (table[i].Code == code)
            {
                return i;
            }
        }

        return -1;
    }
}
