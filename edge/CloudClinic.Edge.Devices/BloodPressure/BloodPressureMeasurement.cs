using CloudClinic.Contracts;

namespace CloudClinic.Edge.Devices.BloodPressure;

/// <summary>A decoded Blood Pressure Measurement (0x2A35), pressures already in mmHg.</summary>
public sealed record BloodPressureMeasurement
{
    public required double SystolicMmHg { get; init; }

    public required double DiastolicMmHg { get; init; }

    /// <summary>Null when the meter sent NaN (or 0 under a profile that means "absent" by it).</summary>
    public double? MeanArterialMmHg { get; init; }

    /// <summary><see cref="PressureUnits"/>: what the meter sent before conversion.</summary>
    public required string OriginalUnit { get; init; }

    /// <summary>True when the frame carried a timestamp (flag bit 1), even one with year 0.</summary>
    public bool HasTimestamp { get; init; }

    /// <summary>The meter's local wall-clock time (no offset on the wire); null when absent or the clock is unknown.</summary>
    public DateTime? MeasuredAtLocal { get; init; }

    public int? PulseBpm { get; init; }

    /// <summary>Null when absent; 255 means "unknown user" (GATT).</summary>
    public byte? UserId { get; init; }

    /// <summary>Null when the frame carried no Measurement Status.</summary>
    public BloodPressureStatus? Status { get; init; }

    public PulseRateRange PulseRateRange { get; init; }

    /// <summary>Wire flag names from the status, in the CCLP/1 order (irregular pulse, movement, cuff, position).</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>The quirk profile the frame was read with.</summary>
    public required string Profile { get; init; }

    /// <summary>The record the gateway stores, with the meter's clock placed in the gateway's UTC offset.</summary>
    public BloodPressureRecord ToRecord(string meterSerial, long recordNumber, TimeSpan meterUtcOffset) => new()
    {
        MeterSerial = meterSerial,
        RecordNumber = recordNumber,
        MeasuredAt = MeasuredAtLocal is { } local ? new DateTimeOffset(local, meterUtcOffset) : null,
        SystolicMmHg = SystolicMmHg,
        DiastolicMmHg = DiastolicMmHg,
        MeanArterialMmHg = MeanArterialMmHg,
        PulseBpm = PulseBpm,
        OriginalUnit = OriginalUnit,
        Flags = Flags,
    };
}
