namespace CloudClinic.Edge.Tests;

/// <summary>
/// The gateway's time zone in these tests: a fixed UTC+08:00 (no DST) so a meter's wall-clock time has one answer,
/// whatever zone the machine running the tests is in.
/// </summary>
internal static class GatewayZone
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>
    /// The same zone for a child process: .NET reads TZ as a tzdata name, not a POSIX rule. Etc/GMT-8 is UTC+08:00
    /// (the tzdata Etc names invert the sign).
    /// </summary>
    public const string TzName = "Etc/GMT-8";

    public static TimeZoneInfo Create() => TimeZoneInfo.CreateCustomTimeZone("test+08", Offset, "test+08", "test+08");
}
