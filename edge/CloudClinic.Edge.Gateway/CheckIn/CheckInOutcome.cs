namespace CloudClinic.Edge.Gateway.CheckIn;

/// <summary>What a check-in attempt did: a session, or the reason there is none (shown to the person checking in).</summary>
internal sealed record CheckInOutcome(CheckInSession? Session, string? Refusal)
{
    public static CheckInOutcome Opened(CheckInSession session) => new(session, null);

    public static CheckInOutcome Refused(string reason) => new(null, reason);
}
