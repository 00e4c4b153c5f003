namespace CloudClinic.Edge.Gateway.CheckIn;

/// <summary>A station bound to a patient from <see cref="OpenedAt"/> until <see cref="ExpiresAt"/>.</summary>
internal sealed record CheckInSession(string Station, string PatientId, string? DisplayName, CheckInSource Source, DateTimeOffset OpenedAt, DateTimeOffset ExpiresAt)
{
    public bool IsOpenAt(DateTimeOffset at) => at >= OpenedAt && at < ExpiresAt;
}
