using System.Security.Cryptography;
using System.Text;

namespace CloudClinic.Alerts.Rules;

/// <summary>
/// Deterministic alert ids: a re-delivered reading (MQTT QoS 1 is at-least-once) raises the same alert id again, so
/// the dashboard shows it once. Hashing keeps the id short and topic/URL-safe whatever the reading id holds.
/// </summary>
public static class AlertIds
{
    public static string For(string ruleId, string readingId)
    {
        ArgumentException.ThrowIfNullOrEmpty(ruleId);
        ArgumentNullException.ThrowIfNull(readingId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{ruleId}\n{readingId}"));
        return $"{ruleId}-{Convert.ToHexStringLower(hash, 0, 16)}";
    }
}
