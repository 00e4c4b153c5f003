using CloudClinic.Alerts.CarePlans;
using CloudClinic.Alerts.Rules;
using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Engine;

/// <summary>
/// Which alerts a batch could touch, so the engine looks up only those in the registry instead of every
/// (rule, reading) pair: with readings mostly in target that lookup was most of a batch's cost. A superset is
/// enough — an id or key looked up that is not there costs nothing — so "two consecutive" is assumed to have a
/// previous reading above target.
/// </summary>
internal static class AlertCandidates
{
    /// <summary>
    /// In one pass over the batch (each reading's facts computed once):
    /// <list type="bullet">
    /// <item>the alert ids the batch could raise, with the patient's plan where the patient is registered;</item>
    /// <item>the open-alert keys of alerts a patient's reading may have raised before it was assigned — only a rule that
    /// fires without a patient, and fires on this reading under the default plan (how it was evaluated while
    /// unassigned), can have raised one. For a reading in target that is none, so a batch of ordinary readings needs
    /// no lookup at all (it was three keys per reading, matched against the registry in one IN list).</item>
    /// </list>
    /// </summary>
    public static (List<string> RaisableIds, List<string> UnassignedKeys) Find(
        IReadOnlyList<ReadingMessage> readings, IReadOnlyDictionary<string, PatientContext> patients)
    {
        var raisable = new List<string>();
        var unassignedKeys = new List<string>();
        foreach (var reading in readings)
        {
            var patient = reading.PatientId is { } id ? patients.GetValueOrDefault(id) : null;
            var plan = patient?.Plan ?? CarePlanDefaults.Unknown;
            var facts = ReadingFacts.From(reading, previousBpAboveTarget: true);
            foreach (var rule in ReadingRules.All)
            {
                if (patient is null && !rule.FiresWithoutPatient)
                {
                    continue;
                }

                var fires = rule.Evaluate(facts, plan) == RuleVerdict.Fire;
                if (fires)
                {
                    raisable.Add(AlertIds.For(rule.Id, reading.ReadingId));
                }

                if (reading.PatientId is not null && rule.FiresWithoutPatient
                    && (patient is null ? fires : rule.Evaluate(facts, CarePlanDefaults.Unknown) == RuleVerdict.Fire))
                {
                    unassignedKeys.Add(AlertKeys.Reading(rule.Id, reading.ReadingId));
                }
            }
        }

        return (raisable, unassignedKeys);
    }
}
