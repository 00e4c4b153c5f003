namespace CloudClinic.Edge.Gateway.Acquisition;

/// <summary>A request/response station's resolved settings (from <see cref="Configuration.StationOptions"/>).</summary>
/// <param name="Zone">The meter clock's time zone.</param>
/// <param name="MeterSerial">The configured serial, for meters that do not send theirs.</param>
internal sealed record MeterStationSettings(TimeZoneInfo Zone, string? MeterSerial, TimeSpan ReplyTimeout, TimeSpan PollInterval);
