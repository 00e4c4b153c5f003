using System.Globalization;

namespace CloudClinic.Edge.Bluetooth.BlueZ;

/// <summary>
/// 16-bit SIG UUIDs in the 128-bit form BlueZ uses on D-Bus: 0000xxxx-0000-1000-8000-00805f9b34fb (Core spec Vol 3
/// Part B §2.5.1, the Bluetooth Base UUID).
/// </summary>
public static class GattUuid
{
    public const ushort BloodPressureService = 0x1810;
    public const ushort GlucoseService = 0x1808;
    public const ushort DeviceInformationService = 0x180A;
    public const ushort CurrentTimeService = 0x1805;
    public const ushort CurrentTime = 0x2A2B;
    public const ushort ModelNumber = 0x2A24;
    public const ushort SerialNumber = 0x2A25;

    private const string BaseSuffix = "-0000-1000-8000-00805f9b34fb";

    public static string From16(ushort uuid) => string.Create(CultureInfo.InvariantCulture, $"0000{uuid:x4}{BaseSuffix}");

    /// <summary>The 16-bit form of a Base-UUID UUID; false for vendor (128-bit) UUIDs.</summary>
    public static bool TryGet16(string uuid, out ushort value)
    {
        value = 0;
        return uuid is { Length: 36 }
            && uuid.StartsWith("0000", StringComparison.Ordinal)
            && uuid.EndsWith(BaseSuffix, StringComparison.OrdinalIgnoreCase)
            && ushort.TryParse(uuid.AsSpan(4, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value);
    }
}
