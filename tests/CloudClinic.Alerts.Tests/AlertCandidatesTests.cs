using CloudClinic.Alerts.Engine;
using CloudClinic.Alerts.Rules;
using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Tests;

/// <summary>
/// The keys the engine looks up for alerts a reading raised before it was assigned: only for rules that fire on it
/// without a patient (so none for readings in target), and only for readings that now have a patient.
/// </summary>
public sealed class AlertCandidatesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Find_UnassignedKeys_OnlyRulesThatFireOnTheReadingWithoutAPatient()
    {
        var readings = new[]
        {
            TestReadings.Bp("in-target", 128, 78, Now),
            TestReadings.Bp("urgent", 186, 100, Now),
            TestReadings.Bp("still-unassigned", 190, 110, Now, patientId: null),
            TestReadings.Glucose("low", 2.8, MealContexts.Fasting, Now),
        };

        var (_, keys) = AlertCandidates.Find(readings, new Dictionary<string, PatientContext>());

        Assert.Equal([AlertKeys.Reading(RuleIds.BpUrgent, "urgent")], keys.Where(k => k.StartsWith("bp-", StringComparison.Ordinal)));
        Assert.Contains(AlertKeys.Reading(RuleIds.GlucoseHypoLevel2, "low"), keys);
        Assert.All(keys, k => Assert.True(k.EndsWith("|urgent", StringComparison.Ordinal) || k.EndsWith("|low", StringComparison.Ordinal), k));
    }
}
