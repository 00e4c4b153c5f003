using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CloudClinic.Edge.Devices.Clock;
using CloudClinic.Edge.Devices.SerialMeters.CodeFree;
using CloudClinic.Edge.Devices.SerialMeters.FreeStyleOptium;
using CloudClinic.Edge.Devices.SerialMeters.LifeScanBinary;
using CloudClinic.Edge.Devices.SerialMeters.OneTouchUltra2;
using CloudClinic.Edge.Devices.SerialMeters.TaiDoc;

namespace CloudClinic.Edge.Devices.Decoding;

/// <summary>The serial meter protocols of <see cref="DeviceFrameDecoder"/>.</summary>
internal static class SerialDecoders
{
    private const string NoSerial = "decode";

    public static bool TryOneTouch(byte[] bytes, TimeZoneInfo zone, [NotNullWhen(true)] out string? json, [NotNullWhen(false)] out string? error)
    {
        json = null;
        if (!OneTouchUltra2Parser.TryParse(bytes.AsSpan().TrimEnd("\r\n"u8), out var reply, out error))
        {
            return false;
        }

        json = DecodeJson.Object(w =>
        {
            switch (reply)
            {
                case OneTouchUltra2DumpRecord record:
                    DecodeJson.Record(w, record.ToRecord(NoSerial, MeterClock.OffsetAt(record.MeterLocalTime, zone)), OneTouchUltra2Parser.ProtocolName);
                    break;
                case OneTouchUltra2DumpHeader header:
                    w.WriteString("reply", "dumpHeader");
                    w.WriteNumber("records", header.Count);
                    w.WriteString("serial", header.Serial);
                    break;
                case OneTouchUltra2SerialNumber serial:
                    w.WriteString("reply", "serialNumber");
                    w.WriteString("serial", serial.Serial);
                    break;
                case OneTouchUltra2Clock clock:
                    w.WriteString("reply", "clock");
                    w.WriteString("meterTime", clock.MeterLocalTime.ToString("s", CultureInfo.InvariantCulture));
                    break;
            }
        });
        return true;
    }

    public static bool TryOptium(byte[] bytes, TimeZoneInfo zone, [NotNullWhen(true)] out string? json, [NotNullWhen(false)] out string? error)
    {
        json = null;
        if (!FreeStyleOptiumParser.TryParseMemory(bytes, out var memory, out error))
        {
            return false;
        }

        json = DecodeJson.Object(w =>
        {
            w.WriteString("serial", memory.Serial);
            w.WriteString("meterTime", memory.MeterClock.ToString("s", CultureInfo.InvariantCulture));
            w.WriteNumber("ketoneResults", memory.KetoneResults);
            w.WriteStartArray("readings");
            foreach (var reading in memory.Readings)
            {
                w.WriteStartObject();
                DecodeJson.Record(w, reading.ToRecord(memory.Serial, MeterClock.OffsetAt(reading.MeterLocalTime, zone)), FreeStyleOptiumParser.ProtocolName);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
        return true;
    }

    public static bool TryTaiDoc(byte[] bytes, [NotNullWhen(true)] out string? json, [NotNullWhen(false)] out string? error)
    {
        json = null;
        if (!TaiDocParser.TryParse(bytes, out var frame, out error))
        {
            return false;
        }

        json = DecodeJson.Object(w =>
        {
            w.WriteString("command", $"0x{frame.Command:X2}");
            w.WriteString("direction", frame.FromMeter ? "meterToHost" : "hostToMeter");
            if (TaiDocParser.TryDecodeDateTime(frame, out var at, out _))
            {
                w.WriteString("meterTime", at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
            }
            else if (TaiDocParser.TryDecodeValue(frame, out var mgdL, out var meal, out _))
            {
                w.WriteNumber("mmolL", UnitConversions.MgdLToMmolL(mgdL));
                w.WriteNumber("mgdL", mgdL);
                w.WriteString("meal", meal);
            }
            else if (TaiDocParser.TryDecodeCount(frame, out var count, out _))
            {
                w.WriteNumber("records", count);
            }
            else if (TaiDocParser.TryDecodeModel(frame, out var model, out _))
            {
                w.WriteString("model", model);
            }
        });
        return true;
    }

    public static bool TryCodeFree(byte[] bytes, TimeZoneInfo zone, [NotNullWhen(true)] out string? json, [NotNullWhen(false)] out string? error)
    {
        json = null;
        if (!CodeFreeParser.TryParse(bytes, out var frame, out error))
        {
            return false;
        }

        json = DecodeJson.Object(w =>
        {
            w.WriteString("direction", frame.FromMeter ? "meterToHost" : "hostToMeter");
            if (CodeFreeParser.TryDecodeReading(frame, out var reading, out _))
            {
                DecodeJson.Record(w, reading.ToRecord(NoSerial, MeterClock.OffsetAt(reading.MeterLocalTime, zone)), CodeFreeParser.ProtocolName);
            }
            else if (CodeFreeParser.TryDecodeCount(frame, out var count, out _))
            {
                w.WriteNumber("records", count);
            }
            else
            {
                w.WriteString("message", CodeFreeParser.IsChallenge(frame) ? "challenge" : CodeFreeParser.IsDisconnected(frame) ? "disconnected" : Convert.ToHexString(frame.Message.Span));
            }
        });
        return true;
    }

    public static bool TryLifeScan(byte[] bytes, [NotNullWhen(true)] out string? json, [NotNullWhen(false)] out string? error)
    {
        json = null;
        if (!LifeScanBinaryParser.TryParse(bytes, out var packet, out error))
        {
            return false;
        }

        json = DecodeJson.Object(w =>
        {
            w.WriteString("linkControl", $"0x{packet.LinkControl:X2}");
            w.WriteString("message", Convert.ToHexString(packet.Message.Span));
        });
        return true;
    }

    /// <summary>Kinds whose input may also be given as text (with \r \n \t escapes).</summary>
    public static bool IsText(string kind) => kind is OneTouchUltra2Parser.ProtocolName or FreeStyleOptiumParser.ProtocolName;

    /// <summary>The serial protocol names, as configured and as <c>device.protocol</c>.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        [OneTouchUltra2Parser.ProtocolName, FreeStyleOptiumParser.ProtocolName, TaiDocParser.ProtocolName, CodeFreeParser.ProtocolName, LifeScanBinaryParser.ProtocolName];
}
