using System.Text;

namespace CloudClinic.Edge.Gateway.CheckIn;

/// <summary>
/// Pure frame reader for serial barcode/QR scanners: they send the code as ASCII followed by CR, LF or CR LF (their
/// factory "suffix"). Accepts printable ASCII codes of 4–128 characters; anything else (noise while plugging in, a
/// line that never ends) is reported as a refusal so the local page can say "scan again", never as a code.
/// </summary>
internal sealed class CardScanReader
{
    public const int MaxCodeLength = 128;
    private const int MinCodeLength = 4;
    private readonly StringBuilder _line = new();
    private bool _overlong;

    /// <summary>Feeds bytes; yields each complete line as a code or as a refusal reason.</summary>
    public IEnumerable<(string? Code, string? Refusal)> Feed(ReadOnlySpan<byte> bytes)
    {
        var results = new List<(string?, string?)>();
        foreach (var b in bytes)
        {
            if (b is (byte)'\r' or (byte)'\n')
            {
                if (_line.Length > 0 || _overlong)
                {
                    results.Add(Finish());
                }

                continue;
            }

            if (_line.Length >= MaxCodeLength)
            {
                _overlong = true;
                continue;
            }

            _line.Append(b is >= 0x20 and < 0x7F ? (char)b : '\uFFFD');
        }

        return results;
    }

    private (string?, string?) Finish()
    {
        var text = _line.ToString().Trim();
        var overlong = _overlong;
        _line.Clear();
        _overlong = false;
        if (overlong)
        {
            return (null, $"scan longer than {MaxCodeLength} characters");
        }

        if (text.Contains('\uFFFD', StringComparison.Ordinal))
        {
            return (null, "scan contains bytes that are not printable ASCII (noise, or the scanner's baud rate is wrong)");
        }

        return text.Length < MinCodeLength ? (null, $"scan '{text}' shorter than {MinCodeLength} characters") : (text, null);
    }
}
