using System.ComponentModel.DataAnnotations;
using CloudClinic.Edge.Devices.Validation;

namespace CloudClinic.Edge.Bluetooth;

/// <summary>One BLE meter station (the gateway binds it from its station config, <c>Link = "ble"</c>).</summary>
public sealed class BleMeterOptions
{
    /// <summary>Bluetooth address of the meter, <c>AA:BB:CC:DD:EE:FF</c> (bluetoothctl shows it after a scan).</summary>
    [Required]
    [RegularExpression("^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$", ErrorMessage = "Address must look like AA:BB:CC:DD:EE:FF")]
    public string Address { get; set; } = string.Empty;

    /// <summary>BlueZ adapter name (<c>hci0</c>); sessions on one adapter run one at a time.</summary>
    [Required]
    [RegularExpression("^hci[0-9]{1,2}$")]
    public string Adapter { get; set; } = "hci0";

    public BleMeterKind Kind { get; set; } = BleMeterKind.BloodPressure;

    /// <summary>Blood pressure quirk profile (<c>standard</c>, <c>beurer-bm85</c>; Devices/BloodPressure/README.md).</summary>
    [Required]
    public string Profile { get; set; } = "standard";

    /// <summary>Reported model; null = the meter's Model Number String (0x2A24) or its advertised name.</summary>
    public string? Model { get; set; }

    /// <summary>Write the gateway's time to Current Time (0x2A2B) when the meter allows writing it.</summary>
    public bool WriteCurrentTime { get; set; } = true;

    /// <summary>A meter clock further off than this flags its records (<see cref="BleMeterRecord.ClockDrift"/>).</summary>
    [TimeSpanRange("00:00:01", "1.00:00:00")]
    public TimeSpan ClockDriftLimit { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long discovery may run to find a meter BlueZ does not know yet.</summary>
    [TimeSpanRange("00:00:00.100", "00:10:00")]
    public TimeSpan DiscoveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Connect plus service resolution.</summary>
    [TimeSpanRange("00:00:00.100", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Glucose: longest silence while a RACP transfer runs before the session is abandoned and retried.</summary>
    [TimeSpanRange("00:00:00.100", "00:10:00")]
    public TimeSpan RecordTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Blood pressure: the gateway disconnects after this long without an indication (meters usually leave first).</summary>
    [TimeSpanRange("00:00:00.100", "01:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First reconnect delay; doubles per failure with jitter (Polly), up to <see cref="ReconnectMaxDelay"/>.</summary>
    [TimeSpanRange("00:00:00.010", "00:10:00")]
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    [TimeSpanRange("00:00:00.010", "01:00:00")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Pause after a session that ended normally before connecting again (next sync / next measurement).</summary>
    [TimeSpanRange("00:00:00.010", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
}
