using System.Globalization;
using CloudClinic.Edge.Devices.Clock;

namespace CloudClinic.Edge.Gateway.Acquisition;

/// <summary>
/// The meter's clock compared with the gateway's (issue 3: flag a drift over 5 minutes; never trust an unset clock).
/// A meter whose clock is off stamps every reading off by as much: its readings get
/// <see cref="GatewayReadingFlags.ClockDrift"/> and the station's status says by how much.
/// </summary>
internal sealed record ClockCheck(bool IsSet, TimeSpan Drift)
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public bool Drifted => IsSet && Drift.Duration() > Tolerance;

    /// <summary>For the station status; null when the clock is fine.</summary>
    public string? Note => !IsSet
        ? "meter clock is not set (year 2000): readings carry the gateway's time"
        : Drifted
            ? string.Create(CultureInfo.InvariantCulture, $"meter clock is {Drift.Duration().TotalMinutes:0} min {(Drift > TimeSpan.Zero ? "ahead of" : "behind")} the gateway's: readings flagged {GatewayReadingFlags.ClockDrift}")
            : null;

    public static ClockCheck Of(DateTime meterLocalNow, TimeZoneInfo zone, DateTimeOffset gatewayNow) =>
        MeterClock.ToInstant(meterLocalNow, zone) is { } meterNow
            ? new ClockCheck(IsSet: true, meterNow - gatewayNow)
            : new ClockCheck(IsSet: false, TimeSpan.Zero);
}
