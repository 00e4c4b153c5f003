using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Engine;

/// <summary>Who is told (DESIGN.md §6 "to" column), widened on escalation.</summary>
internal static class AlertAudience
{
    public static IReadOnlyList<string> For(string severity, int escalationLevel) => (severity, escalationLevel) switch
    {
        (AlertSeverities.Urgent or AlertSeverities.Critical, 0) => [AlertAudiences.Doctors, AlertAudiences.ResponsibleDoctor, AlertAudiences.GridWorker],
        (AlertSeverities.Urgent or AlertSeverities.Critical, _) =>
            [AlertAudiences.Doctors, AlertAudiences.ResponsibleDoctor, AlertAudiences.GridWorker, AlertAudiences.ClinicAdmin],
        (AlertSeverities.Task, 0) => [AlertAudiences.GridWorker],
        (AlertSeverities.Task, _) => [AlertAudiences.ResponsibleDoctor, AlertAudiences.Doctors],
        (AlertSeverities.Ops, _) => [AlertAudiences.ClinicAdmin],
        _ => [AlertAudiences.ResponsibleDoctor],
    };
}
