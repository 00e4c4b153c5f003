using CloudClinic.Alerts.CarePlans;
using CloudClinic.Alerts.Rules;
using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Engine;

/// <summary>
/// Which alert ids a batch could raise, so the engine looks up only those in the registry instead of every
/// (rule, reading) pair: with readings mostly in target that lookup was most of a batch's cost. A superset is
/// enough — an id looked up that is not raised costs nothing — so "two consecutive" is assumed to have a
/// previous reading above target.
/// </summary>
internal static class AlertCandidates
{
    public static List<string> RaisableIds(IReadOnlyList<ReadingMessage> readings, IReadOnlyDictionary<string, PatientContext> patients)
    {
        var ids = new List<string>();
        foreach (var reading in readings)
        {
            var patient = reading.PatientId is { } id ? patients.GetValueOrDefault(id) : null;
            var plan = patient?.Plan ?? CarePlanDefaults.Unknown;
            var facts = ReadingFacts.From(reading, previousBpAboveTarget: true);
            foreach (var rule in ReadingRules.All)
            {
                if ((patient is not null || rule.FiresWithoutPatient) && rule.Evaluate(facts, plan) == RuleVerdict.Fire)
                {
                    ids.Add(AlertIds.For(rule.Id, reading.ReadingId));
                }
            }
        }

        return ids;
    }

    /// <summary>
    /// Open-alert keys of alerts a patient's reading may have raised before it was assigned: only a rule that fires
    /// without a patient, and fires on this reading under the default plan (how it was evaluated while unassigned), can
    /// have raised one. For a reading in target that is none, so a batch of ordinary readings needs no lookup at all
    /// (it was three keys per reading, matched against the registry in one IN list).
    /// </summary>
    public static List<string> UnassignedKeys(IReadOnlyList<ReadingMessage> readings)
    {
        var keys = new List<string>();
        foreach (var reading in readings)
        {
            if (reading.PatientId is null)
            {
                continue;
            }

            var facts = ReadingFacts.From(reading, previousBpAboveTarget: true);
            foreach (var rule in ReadingRules.All)
            {
                if (rule.FiresWithoutPatient && rule.Evaluate(facts, CarePlanDefaults.Unknown) == RuleVerdict.Fire)
                {
                    keys.Add(AlertKeys.Reading(rule.Id, reading.ReadingId));
                }
            }
        }

        return keys;
    }
}
