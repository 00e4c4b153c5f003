namespace CloudClinic.Contracts;

// The closed string vocabularies of wire contract v1. Kept as strings on the wire (not enums) so an
// outside gateway sending an unknown value gets a clear dead-letter reason instead of a parse failure.

public static class ReadingKinds
{
    public const string BloodPressure = "bloodPressure";
    public const string Glucose = "glucose";
}

public static class Transports
{
    public const string Serial = "serial";
    public const string Ble = "ble";
}

public static class PressureUnits
{
    public const string MmHg = "mmHg";
    public const string KPa = "kPa";
}

public static class MealContexts
{
    public const string Fasting = "fasting";
    public const string Preprandial = "preprandial";
    public const string Postprandial = "postprandial";
    public const string Bedtime = "bedtime";
    public const string Casual = "casual";
    public const string Unknown = "unknown";

    public static readonly IReadOnlySet<string> All =
        new HashSet<string>(StringComparer.Ordinal) { Fasting, Preprandial, Postprandial, Bedtime, Casual, Unknown };
}

public static class OutOfRangeMarks
{
    public const string High = "high";
    public const string Low = "low";
}

public static class ClockSources
{
    public const string Meter = "meter";
    public const string Gateway = "gateway";
}

public static class ReadingFlags
{
    public const string IrregularPulse = "irregularPulse";
    public const string BodyMovement = "bodyMovement";
    public const string CuffLoose = "cuffLoose";
    public const string ImproperPosition = "improperPosition";
    public const string ControlSolution = "controlSolution";
}

public static class GatewayStates
{
    public const string Online = "online";
    public const string Offline = "offline";
}

public static class AlertEvents
{
    public const string Raised = "raised";
    public const string Updated = "updated";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";
    public const string Escalated = "escalated";
    public const string Snoozed = "snoozed";
}

public static class AlertStates
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";
}

public static class AlertSeverities
{
    public const string Critical = "critical";
    public const string Urgent = "urgent";
    public const string Warning = "warning";
    public const string Task = "task";
    public const string Ops = "ops";
}

public static class AlertAudiences
{
    public const string Doctors = "doctors";
    public const string ResponsibleDoctor = "responsibleDoctor";
    public const string GridWorker = "gridWorker";
    public const string ClinicAdmin = "clinicAdmin";
}

public static class GatewayCommands
{
    public const string CheckIn = "check-in";
    public const string RequestStatus = "request-status";
    public const string SetLogLevel = "set-log-level";
}
