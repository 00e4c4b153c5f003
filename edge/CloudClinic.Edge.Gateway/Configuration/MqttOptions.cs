using System.ComponentModel.DataAnnotations;
using CloudClinic.Edge.Devices.Validation;

namespace CloudClinic.Edge.Gateway.Configuration;

/// <summary>The broker connection, section <c>Mqtt</c> (DESIGN.md §9). Validated by <see cref="MqttOptionsValidator"/>.</summary>
internal sealed class MqttOptions
{
    public const string SectionName = "Mqtt";

    /// <summary><c>mqtt://host:port</c> or <c>mqtts://host:port</c> (TLS; default ports 1883 / 8883).</summary>
    [Required(ErrorMessage = "Mqtt:Url is required (mqtt://host:port or mqtts://host:port)")]
    public string Url { get; set; } = string.Empty;

    /// <summary>Per-gateway credentials (DESIGN.md §5).</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>PEM file of the CA that signed the broker's certificate (mqtts only); system trust when unset.</summary>
    public string? CaFile { get; set; }

    [NumberRange(5, 3600, ErrorMessage = "Mqtt:KeepAliveSeconds must be 5-3600")]
    public int KeepAliveSeconds { get; set; } = 15;

    /// <summary>How long the broker keeps the gateway's session (its commands subscription) while it is offline.</summary>
    [NumberRange(0, uint.MaxValue, ErrorMessage = "Mqtt:SessionExpirySeconds must be 0-4294967295")]
    public long SessionExpirySeconds { get; set; } = 7 * 24 * 3600;

    [NumberRange(0.01, 3600, ErrorMessage = "Mqtt:ReconnectMinSeconds must be 0.01-3600")]
    public double ReconnectMinSeconds { get; set; } = 1;

    [NumberRange(0.01, 3600, ErrorMessage = "Mqtt:ReconnectMaxSeconds must be 0.01-3600")]
    public double ReconnectMaxSeconds { get; set; } = 60;

    /// <summary>Reading publishes awaiting PUBACK at once (PLATFORM-NOTES: one-by-one awaiting is slow).</summary>
    [NumberRange(1, 64, ErrorMessage = "Mqtt:PublishWindow must be 1-64")]
    public int PublishWindow { get; set; } = 4;
}
