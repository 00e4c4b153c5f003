using System.Globalization;
using System.Text;
using CloudClinic.Contracts;
using CloudClinic.Storage.Influx;

namespace CloudClinic.Storage.Tests;

/// <summary>
/// Test oracle: the previous StringBuilder implementation of <see cref="LineProtocolWriter"/> and
/// <see cref="ReadingPoints.Append"/> (up to commit 210cd7e), kept unchanged so the UTF-8 writer can be checked
/// byte for byte against it. Never used by production code; do not "improve" it.
/// </summary>
internal static class ReferenceLineProtocol
{
    public static string ToLineProtocol(IEnumerable<ReadingMessage> readings)
    {
        var writer = new Writer();
        foreach (var reading in readings)
        {
            Append(writer, reading);
        }

        return writer.ToString();
    }

    public static void Append(Writer writer, ReadingMessage reading)
    {
        var measurement = reading.Kind switch
        {
            ReadingKinds.BloodPressure => InfluxSchema.BloodPressure,
            ReadingKinds.Glucose => InfluxSchema.Glucose,
            _ => throw new ArgumentException($"reading {reading.ReadingId}: unknown kind '{reading.Kind}'", nameof(reading)),
        };

        writer.Begin(measurement)
            .Tag(InfluxSchema.ClinicTag, InfluxTagValue.Encode(reading.ClinicId))
            .Tag(InfluxSchema.GatewayTag, InfluxTagValue.Encode(reading.GatewayId))
            .Tag(InfluxSchema.PatientTag, InfluxSchema.PatientTagValue(reading.PatientId))
            .Tag(InfluxSchema.DeviceModelTag, Encode(reading.Device.Model))
            .Tag(InfluxSchema.StationTag, Encode(reading.Station));
        if (measurement == InfluxSchema.Glucose)
        {
            writer.Tag(InfluxSchema.MealTag, Encode(reading.Meal));
        }

        writer.Field(InfluxSchema.ReadingId, reading.ReadingId)
            .Field(InfluxSchema.MeasuredAt, reading.MeasuredAt.ToString("o", CultureInfo.InvariantCulture))
            .Field(InfluxSchema.ReceivedAt, reading.ReceivedAt.ToString("o", CultureInfo.InvariantCulture))
            .Field(InfluxSchema.ClockSource, reading.ClockSource)
            .Field(InfluxSchema.DeviceSerial, reading.Device.Serial)
            .Field(InfluxSchema.DeviceTransport, reading.Device.Transport)
            .Field(InfluxSchema.DeviceProtocol, reading.Device.Protocol)
            .Field(InfluxSchema.Flags, reading.Flags.Count == 0 ? null : string.Join(',', reading.Flags));
        Number(writer, InfluxSchema.Systolic, reading.Systolic);
        Number(writer, InfluxSchema.Diastolic, reading.Diastolic);
        Number(writer, InfluxSchema.MeanArterial, reading.MeanArterial);
        Number(writer, InfluxSchema.Pulse, reading.Pulse);
        writer.Field(InfluxSchema.OriginalUnit, reading.OriginalUnit);
        Number(writer, InfluxSchema.MmolL, reading.MmolL);
        Number(writer, InfluxSchema.MgdL, reading.MgdL);
        writer.Field(InfluxSchema.Sample, reading.Sample)
            .Field(InfluxSchema.OutOfRange, reading.OutOfRange)
            .End(reading.MeasuredAt.ToUnixTimeMilliseconds());
    }

    private static string? Encode(string? value) => string.IsNullOrEmpty(value) ? null : InfluxTagValue.Encode(value);

    private static void Number(Writer writer, string key, double? value)
    {
        if (value is { } number)
        {
            writer.Field(key, number);
        }
    }

    /// <summary>The previous <c>LineProtocolWriter</c>: one StringBuilder, appended char by char.</summary>
    internal sealed class Writer
    {
        private readonly StringBuilder _text = new();
        private State _state = State.Idle;
        private int _points;

        private enum State
        {
            Idle,
            Tags,
            Fields,
        }

        public Writer Begin(string measurement)
        {
            Require(State.Idle, nameof(Begin));
            RequireName(measurement, "measurement");
            if (_points > 0)
            {
                _text.Append('\n');
            }

            Append(measurement, escapeEquals: false);
            _state = State.Tags;
            return this;
        }

        public Writer Tag(string key, string? value)
        {
            Require(State.Tags, nameof(Tag));
            RequireName(key, "tag key");
            if (string.IsNullOrEmpty(value))
            {
                return this;
            }

            RequireName(value, "tag value");
            _text.Append(',');
            Append(key, escapeEquals: true);
            _text.Append('=');
            Append(value, escapeEquals: true);
            return this;
        }

        public Writer Field(string key, double value)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"field {key} is {value}: line protocol has no NaN or infinity", nameof(value));
            }

            FieldKey(key).Append(value.ToString("R", CultureInfo.InvariantCulture));
            return this;
        }

        public Writer Field(string key, bool value)
        {
            FieldKey(key).Append(value ? "true" : "false");
            return this;
        }

        public Writer Field(string key, string? value)
        {
            if (value is null)
            {
                return this;
            }

            var text = FieldKey(key).Append('"');
            foreach (var c in value)
            {
                if (c is '"' or '\\')
                {
                    text.Append('\\');
                }

                text.Append(c);
            }

            text.Append('"');
            return this;
        }

        public Writer End(long timestamp)
        {
            if (_state != State.Fields)
            {
                throw new InvalidOperationException("a point needs at least one field before its timestamp");
            }

            _text.Append(' ').Append(timestamp.ToString(CultureInfo.InvariantCulture));
            _state = State.Idle;
            _points++;
            return this;
        }

        public override string ToString()
        {
            Require(State.Idle, nameof(ToString));
            return _text.ToString();
        }

        public StringBuilder.ChunkEnumerator GetChunks()
        {
            Require(State.Idle, nameof(GetChunks));
            return _text.GetChunks();
        }

        private StringBuilder FieldKey(string key)
        {
            if (_state == State.Idle)
            {
                throw new InvalidOperationException("Field called before Begin");
            }

            RequireName(key, "field key");
            _text.Append(_state == State.Tags ? ' ' : ',');
            _state = State.Fields;
            Append(key, escapeEquals: true);
            return _text.Append('=');
        }

        private void Append(string name, bool escapeEquals)
        {
            foreach (var c in name)
            {
                if (c is ',' or ' ' || (escapeEquals && c == '='))
                {
                    _text.Append('\\');
                }

                _text.Append(c);
            }
        }

        private void Require(State state, string operation)
        {
            if (_state != state)
            {
                throw new InvalidOperationException($"{operation} is not valid while writing {_state}");
            }
        }

        private static void RequireName(string value, string what)
        {
            ArgumentException.ThrowIfNullOrEmpty(value, what);
            if (value.AsSpan().IndexOfAny('\n', '\r') >= 0 || value[^1] == '\\')
            {
                throw new ArgumentException($"{what} '{value}' has a newline or a trailing backslash, which line protocol cannot escape", what);
            }
        }
    }
}
