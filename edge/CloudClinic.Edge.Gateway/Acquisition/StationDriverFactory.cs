using CloudClinic.Edge.Devices;
using CloudClinic.Edge.Devices.LineProtocol;
using CloudClinic.Edge.Devices.SerialMeters.CodeFree;
using CloudClinic.Edge.Devices.SerialMeters.FreeStyleOptium;
using CloudClinic.Edge.Devices.SerialMeters.OneTouchUltra2;
using CloudClinic.Edge.Devices.SerialMeters.TaiDoc;
using CloudClinic.Edge.Gateway.Acquisition.Sessions;
using CloudClinic.Edge.Gateway.Configuration;
using CloudClinic.Edge.Gateway.Status;
using Microsoft.Extensions.Logging;

namespace CloudClinic.Edge.Gateway.Acquisition;

/// <summary>
/// Picks a station's driver by its <c>Protocol</c> key (STYLE.md driver anatomy: link → frame reader → parser → driver):
/// CCLP/1 meters push lines (<see cref="CclpDriver"/>); the serial glucose meters hold a memory that the gateway reads
/// in a conversation (<see cref="MeterConversation"/> with the protocol's <see cref="IMeterSession"/>).
/// </summary>
internal sealed class StationDriverFactory(GatewayStatusBoard board, AcquisitionCounters counters, TimeProvider timeProvider)
{
    public IMeterLinkListener Create(StationOptions station, ReadingCommitter committer, ILogger logger, CancellationToken stopping)
    {
        IMeterSession? session = station.Protocol switch
        {
            LineProtocolParser.ProtocolName => null,
            OneTouchUltra2Parser.ProtocolName => new OneTouchUltra2Session(),
            FreeStyleOptiumParser.ProtocolName => new FreeStyleOptiumSession(),
            TaiDocParser.ProtocolName => new TaiDocSession(),
            CodeFreeParser.ProtocolName => new CodeFreeSession(),
            _ => throw new InvalidOperationException($"station '{station.Name}' has protocol '{station.Protocol}', which validation should have refused"),
        };
        if (session is null)
        {
            return new CclpDriver(committer, board, logger, stopping);
        }

        var settings = new MeterStationSettings(
            ZoneOf(station, timeProvider),
            station.MeterSerial,
            TimeSpan.FromSeconds(station.ReplyTimeoutSeconds),
            TimeSpan.FromSeconds(station.PollIntervalSeconds));
        return new MeterConversation(session, settings, committer, board, counters, timeProvider, logger, stopping);
    }

    /// <summary>The configured IANA zone (validated at start-up), else the gateway's own.</summary>
    public static TimeZoneInfo ZoneOf(StationOptions station, TimeProvider timeProvider) =>
        station.TimeZone is { } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : timeProvider.LocalTimeZone;
}
