using System.Globalization;
using System.Text.RegularExpressions;

namespace CloudClinic.Bench;

/// <summary>
/// The ingest's batch sizes during the measured stream, from its debug line per acknowledged batch: small batches
/// mean more (and costlier per point) InfluxDB writes.
/// </summary>
internal sealed partial class IngestBatches
{
    private readonly List<int> _messages = [];

    public void Observe(string line)
    {
        var match = AcknowledgedLine().Match(line);
        if (match.Success)
        {
            lock (_messages)
            {
                _messages.Add(int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture));
            }
        }
    }

    public string Describe(int readingsPerMessage)
    {
        lock (_messages)
        {
            if (_messages.Count == 0)
            {
                return ", batches: none logged";
            }

            var sorted = _messages.Order().ToList();
            var median = sorted[sorted.Count / 2] * readingsPerMessage;
            var mean = sorted.Average() * readingsPerMessage;
            return string.Create(CultureInfo.InvariantCulture,
                $", batches: {sorted.Count:N0}, readings per batch mean {mean:N0}, median {median:N0}, max {sorted[^1] * readingsPerMessage:N0}");
        }
    }

    [GeneratedRegex(@"Acknowledged (\d+) messages")]
    private static partial Regex AcknowledgedLine();
}
