using System.Diagnostics.CodeAnalysis;
using System.Text;
using CloudClinic.Edge.Devices.Clock;
using CloudClinic.Edge.Devices.SerialMeters.CodeFree;
using CloudClinic.Edge.Devices.SerialMeters.FreeStyleOptium;
using CloudClinic.Edge.Devices.SerialMeters.LifeScanBinary;
using CloudClinic.Edge.Devices.SerialMeters.OneTouchUltra2;
using CloudClinic.Edge.Devices.SerialMeters.TaiDoc;

namespace CloudClinic.Edge.Devices.Decoding;

/// <summary>
/// The field-support decoder behind <c>decode &lt;kind&gt; &lt;hex&gt;</c>: one characteristic value or serial frame
/// in, one JSON object with the wire contract's field names out, or a one-line reason. Never throws on bad input.
/// </summary>
public static class DeviceFrameDecoder
{
    /// <summary>Every kind <see cref="TryDecode"/> knows; <c>2A35:&lt;profile&gt;</c> selects a quirk profile.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["2A35", "2A35:<profile>", "2A36", "2A18", "2A34", "2A52", .. SerialDecoders.Kinds];

    /// <summary>Decodes with a meter clock in one fixed UTC offset.</summary>
    public static bool TryDecode(string kind, string input, TimeSpan meterUtcOffset, [NotNullWhen(true)] out string? json, [NotNullWhen(false)] out string? error) =>
        TryDecode(kind, input, MeterClock.FixedZone(meterUtcOffset), out json, out error);

    /// <param name="kind">A GATT characteristic (<c>2A35</c>, <c>2A18</c>, …) or a serial protocol name.</param>
    /// <param name="input">Hex bytes (spaces and 0x allowed); text protocols also take text with \r \n \t escapes.</param>
    /// <param name="meterZone">The time zone of the meter's wall clock; each time gets the offset in force at that time.</param>
    public static bool TryDecode(string kind, string input, TimeZoneInfo meterZone, [NotNullWhen(true)] out string? json, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(meterZone);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(input);
        json = null;
        var parts = kind.Split(':', 2);
        var name = parts[0].ToUpperInvariant() is var upper && upper.StartsWith("2A", StringComparison.Ordinal) ? upper : parts[0].ToLowerInvariant();
        if (!Kinds.Contains(name))
        {
            error = $"unknown kind '{kind}' (known: {string.Join(", ", Kinds)})";
            return false;
        }

        if (!TryBytes(input, SerialDecoders.IsText(name), out var bytes))
        {
            error = "input is not hex bytes" + (SerialDecoders.IsText(name) ? " or protocol text" : string.Empty);
            return false;
        }

        return name switch
        {
            "2A35" => BleDecoders.TryBloodPressure(bytes, parts.Length > 1 ? parts[1] : null, meterZone, out json, out error),
            "2A36" => BleDecoders.TryCuffPressure(bytes, out json, out error),
            "2A18" => BleDecoders.TryGlucose(bytes, meterZone, out json, out error),
            "2A34" => BleDecoders.TryContext(bytes, out json, out error),
            "2A52" => BleDecoders.TryRacp(bytes, out json, out error),
            OneTouchUltra2Parser.ProtocolName => SerialDecoders.TryOneTouch(bytes, meterZone, out json, out error),
            FreeStyleOptiumParser.ProtocolName => SerialDecoders.TryOptium(bytes, meterZone, out json, out error),
            TaiDocParser.ProtocolName => SerialDecoders.TryTaiDoc(bytes, out json, out error),
            LifeScanBinaryParser.ProtocolName => SerialDecoders.TryLifeScan(bytes, out json, out error),
            _ => SerialDecoders.TryCodeFree(bytes, meterZone, out json, out error),
        };
    }

    private static bool TryBytes(string input, bool textAllowed, out byte[] bytes)
    {
        var hex = input.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("0x", string.Empty, StringComparison.OrdinalIgnoreCase);
        if (hex.Length > 0 && hex.Length % 2 == 0 && hex.All(Uri.IsHexDigit))
        {
            bytes = Convert.FromHexString(hex);
            return true;
        }

        // A shell user types CR, LF and TAB as the two characters \r, \n, \t.
        bytes = textAllowed && input.Length > 0 && input.All(c => c < 0x7F)
            ? Encoding.ASCII.GetBytes(input.Replace("\\r", "\r", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal))
            : [];
        return bytes.Length > 0;
    }
}
