using CloudClinic.Registry.Model;

namespace CloudClinic.Dashboard.Admin;

/// <summary>Audit rows of admin changes (ids and counts only, never personal data: <see cref="AuditEntry"/>).</summary>
internal static class AdminAudit
{
    public static AuditEntry Entry(DateTimeOffset at, string actor, string action, string entityType, string entityId, string? clinicId, string? detail = null) => new()
    {
        At = at, Actor = actor, Action = action, EntityType = entityType, EntityId = entityId, ClinicId = clinicId, Detail = detail,
    };
}
