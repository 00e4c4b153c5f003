using System.Text.Json.Serialization;
using CloudClinic.Dashboard.Clinical;
using CloudClinic.Dashboard.Relay;

namespace CloudClinic.Dashboard.Api;

/// <summary>Source-generated JSON for the dashboard's own HTTP shapes, in the wire contract's style (camelCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GatewaySnapshot[]))]
[JsonSerializable(typeof(WebhookLog[]))]
[JsonSerializable(typeof(CloudClinic.Contracts.AlertEventMessage[]))]
[JsonSerializable(typeof(ClinicDay))]
[JsonSerializable(typeof(TodayReadings))]
[JsonSerializable(typeof(PatientHistory))]
[JsonSerializable(typeof(CareTargets))]
[JsonSerializable(typeof(InboxAlert[]))]
[JsonSerializable(typeof(AlertAction))]
[JsonSerializable(typeof(Dictionary<string, double>))]
[JsonSerializable(typeof(CloudClinic.Dashboard.Auth.AntiforgeryToken))]
[JsonSerializable(typeof(CloudClinic.Dashboard.Auth.SignedInUser))]
[JsonSerializable(typeof(GridWork))]
[JsonSerializable(typeof(GridTask))]
[JsonSerializable(typeof(TaskClose))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(UnassignedReadings))]
[JsonSerializable(typeof(AssignReading))]
[JsonSerializable(typeof(ReadingAssignmentResult))]
[JsonSerializable(typeof(PatientChoice[]))]
[JsonSerializable(typeof(CloudClinic.Dashboard.Admin.AdminClinic[]))]
[JsonSerializable(typeof(CloudClinic.Dashboard.Admin.AdminGrid[]))]
[JsonSerializable(typeof(CloudClinic.Dashboard.Admin.AdminUser[]))]
[JsonSerializable(typeof(CloudClinic.Dashboard.Admin.AdminPatient[]))]
[JsonSerializable(typeof(CloudClinic.Dashboard.Admin.PatientInput))]
[JsonSerializable(typeof(CloudClinic.Dashboard.Admin.IssuedPassword))]
[JsonSerializable(typeof(CloudClinic.Dashboard.Admin.FieldProblem[]))]
[JsonSerializable(typeof(CloudClinic.Dashboard.Admin.ImportReport))]
[JsonSerializable(typeof(CloudClinic.Dashboard.CarePlans.CarePlanView))]
[JsonSerializable(typeof(CloudClinic.Dashboard.CarePlans.PatientCarePlan))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
