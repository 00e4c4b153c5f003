using System.Diagnostics.CodeAnalysis;
using CloudClinic.Contracts;

namespace CloudClinic.Edge.Devices.BloodPressure;

/// <summary>
/// Intermediate Cuff Pressure, characteristic 0x2A36: the 0x2A35 layout sent while the cuff inflates, with the
/// current cuff pressure in the systolic field (diastolic and MAP unused). Recognised so a driver can show progress
/// and drop it: it is never a reading.
/// </summary>
public static class IntermediateCuffPressureParser
{
    public const ushort CharacteristicUuid = 0x2A36;

    public static bool TryParse(ReadOnlySpan<byte> value, [NotNullWhen(true)] out CuffPressure? cuff, [NotNullWhen(false)] out string? error) =>
        TryParse(value, BloodPressureProfiles.Standard, out cuff, out error);

    public static bool TryParse(ReadOnlySpan<byte> value, BloodPressureQuirks quirks, [NotNullWhen(true)] out CuffPressure? cuff, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(quirks);
        cuff = null;
        if (!BloodPressureFrame.TryRead(value, quirks, out var frame, out error)
            || !BloodPressureMeasurementParser.TryPressure("current cuff pressure", frame.First, frame.IsKPa, out var mmHg, out error))
        {
            return false;
        }

        cuff = new CuffPressure { CurrentMmHg = mmHg, OriginalUnit = frame.IsKPa ? PressureUnits.KPa : PressureUnits.MmHg };
        return true;
    }
}
