using System.Diagnostics;
using Xunit;

namespace CloudClinic.Testing.Ble;

/// <summary>
/// A test that needs dbus-daemon and python3-dbusmock (apt: dbus-daemon, python3-dbusmock). It is skipped, with a
/// message saying what is missing, only when they are not installed; CI installs both.
/// </summary>
public sealed class BlueZFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Missing = new(FindMissing);

    public BlueZFactAttribute()
    {
        if (Missing.Value is { } missing)
        {
            Skip = missing;
        }
    }

    private static string? FindMissing()
    {
        if (!File.Exists(BleSimulator.DbusDaemon))
        {
            return $"{BleSimulator.DbusDaemon} is missing (apt-get install dbus-daemon): BLE tests need a private D-Bus";
        }

        if (!File.Exists(BleSimulator.Python))
        {
            return $"{BleSimulator.Python} is missing: the BLE simulator runs on the system python with python3-dbusmock";
        }

        using var probe = Process.Start(new ProcessStartInfo(BleSimulator.Python, ["-c", "import dbusmock, gi"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        probe.WaitForExit();
        return probe.ExitCode == 0 ? null : "python3-dbusmock is not installed (apt-get install python3-dbusmock): the BLE simulator needs it";
    }
}
