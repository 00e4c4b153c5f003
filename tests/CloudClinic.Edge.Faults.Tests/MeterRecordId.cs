using System.Globalization;
using System.Text.RegularExpressions;

namespace CloudClinic.Edge.Faults.Tests;

/// <summary>
/// The meter's own identity of a reading inside a CCLP/1 readingId (<c>cclp1-{serial}-{kind}-r{record}-…</c>,
/// ReadingIdentity): the sequence number the fault test counts by.
/// </summary>
internal readonly partial record struct MeterRecordId(string Serial, long Record)
{
    public static MeterRecordId Parse(string readingId)
    {
        var match = Shape().Match(readingId);
        return match.Success
            ? new MeterRecordId(match.Groups["serial"].Value, long.Parse(match.Groups["record"].Value, CultureInfo.InvariantCulture))
            : throw new FormatException($"'{readingId}' is not a CCLP/1 readingId");
    }

    [GeneratedRegex("^cclp1-(?<serial>.+)-(?:bloodPressure|glucose)-r(?<record>[0-9]+)(?:-|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
