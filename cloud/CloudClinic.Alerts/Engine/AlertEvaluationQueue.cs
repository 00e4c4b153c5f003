using System.Threading.Channels;
using CloudClinic.Alerts.CarePlans;
using CloudClinic.Alerts.Rules;
using CloudClinic.Contracts;
using Microsoft.Extensions.Options;

namespace CloudClinic.Alerts.Engine;

/// <summary>
/// Two bounded queues between the ingest and the engine: urgent-looking readings jump ahead of ordinary ones (the
/// alert latency goal is for urgent readings under load), and their submitter waits for the commit.
/// </summary>
internal sealed class AlertEvaluationQueue(IOptions<AlertOptions> options) : IAlertReadingSink
{
    private readonly Channel<QueuedReading> _urgent = Channel.CreateBounded<QueuedReading>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Channel<QueuedReading> _ordinary = Channel.CreateBounded<QueuedReading>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public async ValueTask SubmitAsync(IReadOnlyList<ReadingMessage> readings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(readings);
        List<Task>? commits = null;
        foreach (var reading in readings)
        {
            if (LooksUrgent(reading))
            {
                var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                await _urgent.Writer.WriteAsync(new QueuedReading(reading, committed), ct);
                (commits ??= []).Add(committed.Task);
            }
            else if (!_ordinary.Writer.TryWrite(new QueuedReading(reading, null)))
            {
                await _ordinary.Writer.WriteAsync(new QueuedReading(reading, null), ct);
            }
        }

        if (commits is not null)
        {
            await Task.WhenAll(commits).WaitAsync(ct);
        }
    }

    /// <summary>Takes up to <paramref name="max"/> readings, urgent ones first; waits when both queues are empty.</summary>
    public async Task<List<QueuedReading>> TakeAsync(int max, CancellationToken ct)
    {
        var batch = new List<QueuedReading>();
        while (true)
        {
            while (batch.Count < max && _urgent.Reader.TryRead(out var urgent))
            {
                batch.Add(urgent);
            }

            while (batch.Count < max && _ordinary.Reader.TryRead(out var ordinary))
            {
                batch.Add(ordinary);
            }

            if (batch.Count > 0)
            {
                return batch;
            }

            await Task.WhenAny(_urgent.Reader.WaitToReadAsync(ct).AsTask(), _ordinary.Reader.WaitToReadAsync(ct).AsTask());
            ct.ThrowIfCancellationRequested();
        }
    }

    private static bool LooksUrgent(ReadingMessage reading)
    {
        var facts = ReadingFacts.From(reading);
        var plan = CarePlanDefaults.Unknown;
        return ReadingRules.All.Any(r => r.FiresWithoutPatient && r.Evaluate(facts, plan) == RuleVerdict.Fire);
    }
}
