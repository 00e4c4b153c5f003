namespace CloudClinic.Dashboard.Integration;

/// <summary>Alerts oldest first by <c>raisedAt</c>; <see cref="Truncated"/> when more matched than the limit (page on with <c>from</c>).</summary>
internal sealed record IntegrationAlertPage(IntegrationAlert[] Alerts, bool Truncated);
