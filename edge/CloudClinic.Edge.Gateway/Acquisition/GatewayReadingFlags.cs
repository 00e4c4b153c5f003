namespace CloudClinic.Edge.Gateway.Acquisition;

/// <summary>Reading flags the gateway itself adds (DESIGN.md §3 <c>flags</c>: camelCase words).</summary>
internal static class GatewayReadingFlags
{
    /// <summary>
    /// The meter's clock differed from the gateway's by more than <see cref="ClockCheck.Tolerance"/> when the reading
    /// was collected (DESIGN.md §5, issue 3): its measuredAt is the meter's word and may be off by that much.
    /// </summary>
    public const string ClockDrift = "clockDrift";
}
