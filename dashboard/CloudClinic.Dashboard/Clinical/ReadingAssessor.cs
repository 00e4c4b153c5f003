using CloudClinic.Contracts;

namespace CloudClinic.Dashboard.Clinical;

/// <summary>A reading's wall colour against its patient's targets: the same answer over the hub and over HTTP.</summary>
internal sealed class ReadingAssessor(ICareTargetSource targets)
{
    public async ValueTask<string> SeverityAsync(ReadingMessage reading, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return ReadingClassifier.Classify(reading, await targets.ForPatientAsync(reading.PatientId, ct));
    }

    public async Task<ScoredReading[]> ScoreAsync(IEnumerable<ReadingMessage> readings, CancellationToken ct)
    {
        var scored = new List<ScoredReading>();
        foreach (var reading in readings)
        {
            scored.Add(new ScoredReading(reading, await SeverityAsync(reading, ct)));
        }

        return [.. scored];
    }
}
