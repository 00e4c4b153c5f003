using System.Diagnostics.CodeAnalysis;

namespace CloudClinic.Edge.Devices.BloodPressure;

/// <summary>The named 0x2A35 quirk profiles (BloodPressure/README.md).</summary>
public static class BloodPressureProfiles
{
    /// <summary>The GATT specification as written.</summary>
    public static readonly BloodPressureQuirks Standard = new() { Name = "standard" };

    /// <summary>
    /// Beurer BM85 (recording in the derdilla blood-pressure-monitor-fl tests): pulse and status big-endian, a
    /// user-id byte without its flag, MAP sent as 0, reserved flag bit 6 set.
    /// </summary>
    public static readonly BloodPressureQuirks BeurerBm85 = new()
    {
        Name = "beurer-bm85",
        PulseBigEndian = true,
        StatusBigEndian = true,
        UserIdAlwaysPresent = true,
        ZeroMeanArterialMeansAbsent = true,
    };

    public static IReadOnlyList<BloodPressureQuirks> All { get; } = [Standard, BeurerBm85];

    public static bool TryGet(string name, [NotNullWhen(true)] out BloodPressureQuirks? profile)
    {
        profile = All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        return profile is not null;
    }
}
