using CloudClinic.Contracts;
using CloudClinic.Edge.Gateway.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway.CheckIn;

/// <summary>
/// Check-in (DESIGN.md §5): the kiosk page, a card scanner or the dashboard's command opens a session on a station;
/// readings from that station while it is open get the patient, every other reading goes out unassigned (never
/// dropped). Works from the cached roster while the broker is unreachable.
/// </summary>
internal sealed partial class CheckInService(
    RosterCache roster,
    CheckInSessionStore sessions,
    IOptions<CheckInOptions> options,
    IOptions<EdgeOptions> edge,
    TimeProvider time,
    ILogger<CheckInService> logger)
{
    private readonly HashSet<string> _stations = edge.Value.Stations.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
    private long _unknownCards;

    /// <summary>Raised after every check-in attempt (opened or refused) and check-out: the local page refreshes on it.</summary>
    public event Action? Changed;

    /// <summary>Scans of cards the roster does not know, since start: shown on the local page.</summary>
    public long UnknownCards => Interlocked.Read(ref _unknownCards);

    /// <summary>
    /// A patient picked on the kiosk must be in the roster. A check-in from the dashboard is taken even when the cached
    /// roster does not know the patient yet: the registry is the authority and the roster may lag behind it.
    /// </summary>
    public CheckInOutcome CheckInPatient(string station, string patientId, CheckInSource source)
    {
        if (StationRefusal(station) is { } refusal)
        {
            return Refuse(station, source, refusal);
        }

        if (!Topics.IsValidId(patientId))
        {
            return Refuse(station, source, $"patient id '{patientId}' is not [a-z0-9-]{{1,64}}");
        }

        var entry = roster.Find(patientId);
        if (entry is null && source != CheckInSource.Command)
        {
            return Refuse(station, source, $"patient '{patientId}' is not in this clinic's roster");
        }

        if (entry is null)
        {
            LogNotInRoster(logger, patientId, station);
        }

        return Open(station, patientId, entry?.DisplayName, source);
    }

    /// <summary>A scanned patient card. An unknown card opens nothing and is counted; its code is never logged (it may be an ID number).</summary>
    public CheckInOutcome CheckInCard(string station, string cardCode)
    {
        if (StationRefusal(station) is { } refusal)
        {
            return Refuse(station, CheckInSource.Scanner, refusal);
        }

        if (roster.FindByCard(cardCode) is { } entry)
        {
            return Open(station, entry.PatientId, entry.DisplayName, CheckInSource.Scanner);
        }

        Interlocked.Increment(ref _unknownCards);
        return Refuse(station, CheckInSource.Scanner, "unknown card: not in this clinic's roster (a new card, or the roster has not reached this gateway yet)");
    }

    public bool CheckOut(string station)
    {
        var removed = sessions.Remove(station);
        if (removed)
        {
            LogCheckedOut(logger, station);
            Changed?.Invoke();
        }

        return removed;
    }

    /// <summary>
    /// The patient of a reading from <paramref name="station"/>: the session must be open when the reading reached the
    /// gateway, and the reading must not have been measured well before the check-in (a meter's stored memory).
    /// </summary>
    public string? PatientFor(string station, DateTimeOffset measuredAt, DateTimeOffset receivedAt)
    {
        var session = sessions.Find(station);
        if (session is null || !session.IsOpenAt(receivedAt))
        {
            return null;
        }

        return measuredAt >= session.OpenedAt - options.Value.MeasuredBeforeGrace ? session.PatientId : null;
    }

    /// <summary>Sessions open now, for the local page and status.</summary>
    public IReadOnlyList<CheckInSession> OpenSessions()
    {
        var now = time.GetUtcNow();
        return [.. sessions.All().Where(s => s.IsOpenAt(now))];
    }

    private CheckInOutcome Open(string station, string patientId, string? displayName, CheckInSource source)
    {
        var now = time.GetUtcNow();
        var session = new CheckInSession(station, patientId, displayName, source, now, now + options.Value.SessionDuration);
        sessions.Save(session);
        LogCheckedIn(logger, patientId, station, source, session.ExpiresAt);
        Changed?.Invoke();
        return CheckInOutcome.Opened(session);
    }

    private string? StationRefusal(string station) =>
        _stations.Contains(station) ? null : $"station '{station}' is not one of this gateway's stations ({string.Join(", ", _stations)})";

    private CheckInOutcome Refuse(string station, CheckInSource source, string reason)
    {
        LogRefused(logger, station, source, reason);
        Changed?.Invoke();
        return CheckInOutcome.Refused(reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Checked in patient {PatientId} at station {Station} ({Source}) until {ExpiresAt:O}")]
    private static partial void LogCheckedIn(ILogger logger, string patientId, string station, CheckInSource source, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checked out station {Station}")]
    private static partial void LogCheckedOut(ILogger logger, string station);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Check-in at station {Station} ({Source}) refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string station, CheckInSource source, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Check-in command for patient {PatientId} at {Station}: not in the cached roster yet; checked in anyway (the registry sent it)")]
    private static partial void LogNotInRoster(ILogger logger, string patientId, string station);
}
