using System.Globalization;
using System.Text;
using CloudClinic.Contracts;

namespace CloudClinic.Edge.Devices.LineProtocol;

/// <summary>
/// Encodes records as CCLP/1 frames (docs/line-protocol.md): what an adapter on a meter sends. Used by the meter
/// simulator, the in-process simulated link and tests. Records come from our own code, so a record that cannot be
/// expressed in CCLP/1 is a programming error and throws <see cref="ArgumentException"/>.
/// </summary>
public static class LineProtocolWriter
{
    /// <summary>The complete frame, <c>$…*HH\r\n</c>, as ASCII bytes.</summary>
    public static byte[] Encode(MeterRecord record) => Encoding.ASCII.GetBytes(EncodeToString(record));

    /// <summary>The complete frame, <c>$…*HH\r\n</c>.</summary>
    public static string EncodeToString(MeterRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!LineProtocolFields.IsValidSerial(record.MeterSerial))
        {
            throw new ArgumentException($"meter serial '{record.MeterSerial}' cannot be sent in CCLP/1", nameof(record));
        }

        if (record.RecordNumber is < 0 or > uint.MaxValue)
        {
            throw new ArgumentException($"record number {record.RecordNumber} is outside 0-{uint.MaxValue}", nameof(record));
        }

        var header = string.Join(
            ',',
            record.MeterSerial,
            record.RecordNumber.ToString(CultureInfo.InvariantCulture),
            LineProtocolFields.FormatTimestamp(record.MeasuredAt, record.MeasuredAtHasSeconds));

        return record switch
        {
            BloodPressureRecord bp => FromBody($"{LineProtocolParser.BloodPressureSentence},{header},{BloodPressure(bp)}"),
            GlucoseRecord gl => FromBody($"{LineProtocolParser.GlucoseSentence},{header},{Glucose(gl)}"),
            _ => throw new ArgumentException($"CCLP/1 has no sentence for {record.GetType().Name}", nameof(record)),
        };
    }

    /// <summary>
    /// Wraps an arbitrary body (the text between <c>$</c> and <c>*</c>) with start, checksum and CR LF. Lets tests
    /// build frames with a valid checksum around invalid content.
    /// </summary>
    public static string FromBody(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var checksum = LineProtocolChecksum.Compute(Encoding.ASCII.GetBytes(body));
        return $"${body}*{LineProtocolChecksum.ToHex(checksum)}\r\n";
    }

    private static string BloodPressure(BloodPressureRecord bp)
    {
        var kPa = bp.OriginalUnit switch
        {
            PressureUnits.MmHg => false,
            PressureUnits.KPa => true,
            _ => throw new ArgumentException($"pressure unit '{bp.OriginalUnit}' is not mmHg or kPa", nameof(bp)),
        };

        string Pressure(double mmHg) => kPa
            ? LineProtocolFields.FormatDecimal(UnitConversions.MmHgToKPa(mmHg))
            : Math.Round(mmHg, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture);

        return string.Join(
            ',',
            Pressure(bp.SystolicMmHg),
            Pressure(bp.DiastolicMmHg),
            bp.MeanArterialMmHg is { } map ? Pressure(map) : string.Empty,
            bp.PulseBpm?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            bp.OriginalUnit,
            LineProtocolFlags.Format(bp.Flags, LineProtocolFlags.BloodPressure));
    }

    private static string Glucose(GlucoseRecord gl)
    {
        var value = gl.GlucoseMgdL is { } mgdL
            ? Math.Round(mgdL, 0, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture)
            : LineProtocolFields.FormatDecimal(gl.GlucoseMmolL);
        var mark = gl.OutOfRange switch
        {
            null => string.Empty,
            OutOfRangeMarks.High => "HI",
            OutOfRangeMarks.Low => "LO",
            _ => throw new ArgumentException($"range mark '{gl.OutOfRange}' is not high or low", nameof(gl)),
        };

        return string.Join(
            ',',
            value,
            gl.GlucoseMgdL is null ? GlucoseFields.MmolUnit : GlucoseFields.MgdlUnit,
            gl.Meal,
            mark,
            LineProtocolFlags.Format(gl.Flags, LineProtocolFlags.Glucose));
    }
}
