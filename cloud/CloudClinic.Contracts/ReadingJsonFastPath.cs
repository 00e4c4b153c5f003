using System.Text.Json;

namespace CloudClinic.Contracts;

/// <summary>
/// Reads readings in the shape gateways send (every required field, known fields only, no duplicates) straight off
/// a <see cref="Utf8JsonReader"/>. The source-generated deserializer has to build <see cref="ReadingMessage"/>'s
/// init-only properties through a boxed argument array, and under load that was a fifth of the ingest's CPU (perf,
/// bench/README.md). Anything outside that shape — an unknown or repeated field, a null where the contract forbids
/// one, a missing field, malformed JSON — returns false, and the caller asks <see cref="JsonSerializer"/>, which
/// stays the one authority on what is valid and on the words of every error.
/// </summary>
public static class ReadingJsonFastPath
{
    private const int RequiredReadingFields = (1 << (int)Field.Schema) | (1 << (int)Field.ReadingId) | (1 << (int)Field.ClinicId)
        | (1 << (int)Field.GatewayId) | (1 << (int)Field.Kind) | (1 << (int)Field.MeasuredAt) | (1 << (int)Field.ReceivedAt) | (1 << (int)Field.Device);
    private const int RequiredDeviceFields = 0b1111;

    /// <summary>
    /// About the fewest bytes a reading takes (its required fields with one-letter ids are 239 bytes; a gateway's
    /// are ~330): a payload's length divided by this sizes the lists an array is read into. A hint only: a list of
    /// smaller readings still grows.
    /// </summary>
    private const int MinReadingBytes = 200;

    /// <summary>The fields of <see cref="ReadingMessage"/>, each a bit of the set of fields seen.</summary>
    private enum Field
    {
        Unknown = -1,
        Schema,
        ReadingId,
        ClinicId,
        GatewayId,
        PatientId,
        Station,
        Kind,
        MeasuredAt,
        ClockSource,
        ReceivedAt,
        Device,
        Systolic,
        Diastolic,
        MeanArterial,
        Pulse,
        OriginalUnit,
        MmolL,
        MgdL,
        Meal,
        Sample,
        OutOfRange,
        Flags,
    }

    /// <summary>One reading object or an array of them; false when the serializer must decide.</summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8Json, out ReadingMessage[] readings) => TryRead(utf8Json, out readings, out _);

    /// <summary>
    /// As <see cref="TryRead(ReadOnlySpan{byte}, out ReadingMessage[])"/>, and where each reading's object lies in
    /// <paramref name="utf8Json"/>: those bytes alone are a JSON object that reads back to the same reading, so the
    /// ingest can keep a reading's JSON as received instead of serializing it again.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8Json, out ReadingMessage[] readings, out Range[] sources)
    {
        readings = [];
        sources = [];
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.StartObject)
            {
                var start = (int)reader.TokenStartIndex;
                if (!TryReadReading(ref reader, out var one))
                {
                    return false;
                }

                readings = [one];
                sources = [new Range(start, (int)reader.BytesConsumed)];
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                // Sized once: grown from 4, both lists were copied six times on the way to a 100-reading message.
                var capacity = Math.Min(utf8Json.Length / MinReadingBytes + 1, ReadingPayload.MaxBatch);
                var list = new List<ReadingMessage>(capacity);
                var ranges = new List<Range>(capacity);
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    // The object runs from its '{' to the end of its '}', where TryReadReading leaves the reader.
                    var start = (int)reader.TokenStartIndex;
                    if (!TryReadReading(ref reader, out var item))
                    {
                        return false;
                    }

                    list.Add(item);
                    ranges.Add(new Range(start, (int)reader.BytesConsumed));
                }

                if (reader.TokenType != JsonTokenType.EndArray)
                {
                    return false;
                }

                readings = [.. list];
                sources = [.. ranges];
            }
            else
            {
                return false;
            }

            // Trailing content is the serializer's to refuse.
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            // Every Get* call checks its token type first; should one still refuse, the serializer decides.
            return false;
        }
    }

    private static bool TryReadReading(ref Utf8JsonReader reader, out ReadingMessage reading)
    {
        reading = null!;
        string? schema = null, readingId = null, clinicId = null, gatewayId = null, patientId = null, station = null, kind = null;
        string? clockSource = null, originalUnit = null, meal = null, sample = null, outOfRange = null;
        DateTimeOffset measuredAt = default, receivedAt = default;
        DeviceInfo? device = null;
        double? systolic = null, diastolic = null, meanArterial = null, pulse = null, mmolL = null, mgdL = null;
        List<string>? flags = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = ReadingField(ref reader);
            if (!TryEnterValue(ref reader, (int)field, ref seen))
            {
                return false;
            }

            var ok = field switch
            {
                Field.Schema => TryRequiredString(ref reader, out schema, repeated: true),
                Field.ReadingId => TryRequiredString(ref reader, out readingId),
                Field.ClinicId => TryRequiredString(ref reader, out clinicId, repeated: true),
                Field.GatewayId => TryRequiredString(ref reader, out gatewayId, repeated: true),
                Field.PatientId => TryOptionalString(ref reader, out patientId),
                Field.Station => TryOptionalString(ref reader, out station, repeated: true),
                Field.Kind => TryRequiredString(ref reader, out kind, repeated: true),
                Field.MeasuredAt => TryTime(ref reader, out measuredAt),
                Field.ClockSource => TryOptionalString(ref reader, out clockSource, repeated: true),
                Field.ReceivedAt => TryTime(ref reader, out receivedAt),
                Field.Device => TryReadDevice(ref reader, out device),
                Field.Systolic => TryOptionalNumber(ref reader, out systolic),
                Field.Diastolic => TryOptionalNumber(ref reader, out diastolic),
                Field.MeanArterial => TryOptionalNumber(ref reader, out meanArterial),
                Field.Pulse => TryOptionalNumber(ref reader, out pulse),
                Field.OriginalUnit => TryOptionalString(ref reader, out originalUnit, repeated: true),
                Field.MmolL => TryOptionalNumber(ref reader, out mmolL),
                Field.MgdL => TryOptionalNumber(ref reader, out mgdL),
                Field.Meal => TryOptionalString(ref reader, out meal, repeated: true),
                Field.Sample => TryOptionalString(ref reader, out sample, repeated: true),
                Field.OutOfRange => TryOptionalString(ref reader, out outOfRange, repeated: true),
                Field.Flags => TryReadFlags(ref reader, out flags),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || (seen & RequiredReadingFields) != RequiredReadingFields)
        {
            return false;
        }

        reading = new ReadingMessage
        {
            Schema = schema!,
            ReadingId = readingId!,
            ClinicId = clinicId!,
            GatewayId = gatewayId!,
            PatientId = patientId,
            Station = station,
            Kind = kind!,
            MeasuredAt = measuredAt,
            ClockSource = clockSource,
            ReceivedAt = receivedAt,
            Device = device!,
            Systolic = systolic,
            Diastolic = diastolic,
            MeanArterial = meanArterial,
            Pulse = pulse,
            OriginalUnit = originalUnit,
            MmolL = mmolL,
            MgdL = mgdL,
            Meal = meal,
            Sample = sample,
            OutOfRange = outOfRange,
            Flags = flags ?? [],
        };
        return true;
    }

    /// <summary>
    /// The field a property name names; <see cref="Field.Unknown"/> for any other name, and for an
    /// escaped name (the serializer unescapes those).
    /// </summary>
    private static Field ReadingField(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return Field.Unknown;
        }

        var name = reader.ValueSpan;
        return name.Length switch
        {
            4 => name.SequenceEqual("kind"u8) ? Field.Kind
                : name.SequenceEqual("mgdL"u8) ? Field.MgdL
                : name.SequenceEqual("meal"u8) ? Field.Meal
                : Field.Unknown,
            5 => name.SequenceEqual("pulse"u8) ? Field.Pulse
                : name.SequenceEqual("mmolL"u8) ? Field.MmolL
                : name.SequenceEqual("flags"u8) ? Field.Flags
                : Field.Unknown,
            6 => name.SequenceEqual("schema"u8) ? Field.Schema
                : name.SequenceEqual("device"u8) ? Field.Device
                : name.SequenceEqual("sample"u8) ? Field.Sample
                : Field.Unknown,
            7 => name.SequenceEqual("station"u8) ? Field.Station : Field.Unknown,
            8 => name.SequenceEqual("clinicId"u8) ? Field.ClinicId
                : name.SequenceEqual("systolic"u8) ? Field.Systolic
                : Field.Unknown,
            9 => name.SequenceEqual("readingId"u8) ? Field.ReadingId
                : name.SequenceEqual("gatewayId"u8) ? Field.GatewayId
                : name.SequenceEqual("patientId"u8) ? Field.PatientId
                : name.SequenceEqual("diastolic"u8) ? Field.Diastolic
                : Field.Unknown,
            10 => name.SequenceEqual("measuredAt"u8) ? Field.MeasuredAt
                : name.SequenceEqual("receivedAt"u8) ? Field.ReceivedAt
                : name.SequenceEqual("outOfRange"u8) ? Field.OutOfRange
                : Field.Unknown,
            11 => name.SequenceEqual("clockSource"u8) ? Field.ClockSource : Field.Unknown,
            12 => name.SequenceEqual("meanArterial"u8) ? Field.MeanArterial
                : name.SequenceEqual("originalUnit"u8) ? Field.OriginalUnit
                : Field.Unknown,
            _ => Field.Unknown,
        };
    }

    private static bool TryReadDevice(ref Utf8JsonReader reader, out DeviceInfo? device)
    {
        device = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? model = null, serial = null, transport = null, protocol = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.ValueIsEscaped ? -1
                : reader.ValueSpan.SequenceEqual("model"u8) ? 0
                : reader.ValueSpan.SequenceEqual("serial"u8) ? 1
                : reader.ValueSpan.SequenceEqual("transport"u8) ? 2
                : reader.ValueSpan.SequenceEqual("protocol"u8) ? 3
                : -1;
            if (!TryEnterValue(ref reader, field, ref seen))
            {
                return false;
            }

            var ok = field switch
            {
                0 => TryRequiredString(ref reader, out model, repeated: true),
                1 => TryRequiredString(ref reader, out serial, repeated: true),
                2 => TryRequiredString(ref reader, out transport, repeated: true),
                _ => TryRequiredString(ref reader, out protocol, repeated: true),
            };
            if (!ok)
            {
                return false;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || seen != RequiredDeviceFields)
        {
            return false;
        }

        device = new DeviceInfo { Model = model!, Serial = serial!, Transport = transport!, Protocol = protocol! };
        return true;
    }

    /// <summary>Marks the field seen and moves to its value; false for an unknown or repeated field.</summary>
    private static bool TryEnterValue(ref Utf8JsonReader reader, int field, ref int seen)
    {
        if (field < 0 || (seen & (1 << field)) != 0 || !reader.Read())
        {
            return false;
        }

        seen |= 1 << field;
        return true;
    }

    private static bool TryReadFlags(ref Utf8JsonReader reader, out List<string>? flags)
    {
        flags = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        // Left null for the usual empty array: the reading then shares the one empty list.
        List<string>? list = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            (list ??= []).Add(ReadString(ref reader, repeated: true));
        }

        flags = list;
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool TryRequiredString(ref Utf8JsonReader reader, out string? value, bool repeated = false)
    {
        value = reader.TokenType == JsonTokenType.String ? ReadString(ref reader, repeated) : null;
        return value is not null;
    }

    private static bool TryOptionalString(ref Utf8JsonReader reader, out string? value, bool repeated = false)
    {
        value = reader.TokenType == JsonTokenType.String ? ReadString(ref reader, repeated) : null;
        return value is not null || reader.TokenType == JsonTokenType.Null;
    }

    /// <summary>
    /// The string token's value; for a <paramref name="repeated"/> field (one that takes few distinct values) a
    /// plain ASCII value comes from <see cref="RepeatedStrings"/>. Escaped or other values are decoded by the reader,
    /// which also refuses invalid UTF-8.
    /// </summary>
    private static string ReadString(ref Utf8JsonReader reader, bool repeated) =>
        repeated && !reader.ValueIsEscaped && !reader.HasValueSequence && RepeatedStrings.TryGet(reader.ValueSpan, out var value)
            ? value
            : reader.GetString()!;

    private static bool TryOptionalNumber(ref Utf8JsonReader reader, out double? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        // An overflow reads as infinity here: the serializer decides what that means.
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            return false;
        }

        value = number;
        return true;
    }

    private static bool TryTime(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        value = default;
        return reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out value);
    }
}
