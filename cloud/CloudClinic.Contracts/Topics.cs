using System.Diagnostics.CodeAnalysis;

namespace CloudClinic.Contracts;

/// <summary>MQTT topic names of wire contract v1 (DESIGN.md §3). All are published at QoS 1.</summary>
public static class Topics
{
    public const string Root = "cloudclinic/v1";

    /// <summary>Every gateway's readings; the ingest subscribes to this (or its $share/ form).</summary>
    public const string AllReadings = Root + "/+/+/readings";

    public const string AllStatus = Root + "/+/+/status";

    public const string AllAlerts = Root + "/+/alerts";

    public static string Readings(string clinicId, string gatewayId) => $"{Root}/{clinicId}/{gatewayId}/readings";

    public static string Status(string clinicId, string gatewayId) => $"{Root}/{clinicId}/{gatewayId}/status";

    public static string Commands(string clinicId, string gatewayId) => $"{Root}/{clinicId}/{gatewayId}/commands";

    public static string Alerts(string clinicId) => $"{Root}/{clinicId}/alerts";

    /// <summary>Retained, cloud → the clinic's gateways: the check-in roster (<see cref="RosterMessage"/>).</summary>
    public static string Roster(string clinicId) => $"{Root}/{clinicId}/roster";

    /// <summary>Shared subscription so N ingest workers split the readings (MQTT 5, DESIGN.md §8).</summary>
    public static string SharedReadings(string group) => $"$share/{group}/{AllReadings}";

    /// <summary>Clinic and gateway ids are <c>[a-z0-9-]{1,64}</c> so they are safe in topics, tags and paths.</summary>
    public static bool IsValidId([NotNullWhen(true)] string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Splits <c>cloudclinic/v1/{clinic}/{gateway}/{leaf}</c>; false for any other shape.</summary>
    public static bool TryParseGatewayTopic(
        string topic,
        [NotNullWhen(true)] out string? clinicId,
        [NotNullWhen(true)] out string? gatewayId,
        [NotNullWhen(true)] out string? leaf)
    {
        clinicId = gatewayId = leaf = null;
        // Spans, not Split: the ingest parses the topic of every message it receives.
        var rest = topic.AsSpan();
        if (!rest.StartsWith(Root + "/", StringComparison.Ordinal))
        {
            return false;
        }

        rest = rest[(Root.Length + 1)..];
        var clinicEnd = rest.IndexOf('/');
        if (clinicEnd < 0)
        {
            return false;
        }

        var afterClinic = rest[(clinicEnd + 1)..];
        var gatewayEnd = afterClinic.IndexOf('/');
        if (gatewayEnd < 0 || afterClinic[(gatewayEnd + 1)..].Contains('/'))
        {
            return false;
        }

        var clinic = Segment(rest[..clinicEnd]);
        var gateway = Segment(afterClinic[..gatewayEnd]);
        if (!IsValidId(clinic) || !IsValidId(gateway))
        {
            return false;
        }

        (clinicId, gatewayId, leaf) = (clinic, gateway, Segment(afterClinic[(gatewayEnd + 1)..]));
        return true;
    }

    // The ingest parses every message's topic, and one gateway's segments repeat: shared strings, not three new ones.
    private static string Segment(ReadOnlySpan<char> segment) =>
        RepeatedStrings.TryGet(segment, out var shared) ? shared : segment.ToString();
}
