namespace CloudClinic.Alerts.Mqtt;

/// <summary>The <c>Mqtt</c> section (DESIGN.md §9): the broker every cloud worker talks to.</summary>
public sealed class MqttOptions
{
    public const string SectionName = "Mqtt";

    /// <summary><c>mqtt://host:port</c> or <c>mqtts://host:port</c> (TLS; default ports 1883 and 8883).</summary>
    public string Url { get; set; } = "mqtt://127.0.0.1:1883";

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>PEM file of the CA that signed the broker's certificate (mqtts only); the system store when unset.</summary>
    public string? CaFile { get; set; }
}
