using System.Globalization;
using System.Text;

namespace CloudClinic.Storage.Influx;

/// <summary>
/// Builds InfluxDB line protocol (<c>measurement,tag=v field=1,f2="s" 1700000000000</c>), escaping as InfluxDB 1.x
/// parses it (models/points.go): measurement → comma and space; tag keys, tag values and field keys → comma, equals
/// and space; string field values → double quote and backslash (a newline inside quotes is kept as is).
/// Line protocol has no escape for a newline outside quotes, nor for a backslash that ends a tag value, so those
/// are refused here: callers encode tag values first (<see cref="InfluxTagValue"/>). Pure: no I/O.
/// </summary>
internal sealed class LineProtocolWriter
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

    public int PointCount => _points;

    public LineProtocolWriter Begin(string measurement)
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

    /// <summary>Adds a tag; a null or empty value is skipped (InfluxDB stores no empty tags).</summary>
    public LineProtocolWriter Tag(string key, string? value)
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

    public LineProtocolWriter Field(string key, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"field {key} is {value}: line protocol has no NaN or infinity", nameof(value));
        }

        // No "i" suffix: always a float, so a value like 120 never makes the field an integer (a type conflict).
        FieldKey(key).Append(value.ToString("R", CultureInfo.InvariantCulture));
        return this;
    }

    public LineProtocolWriter Field(string key, bool value)
    {
        FieldKey(key).Append(value ? "true" : "false");
        return this;
    }

    /// <summary>Adds a string field; a null value is skipped.</summary>
    public LineProtocolWriter Field(string key, string? value)
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

    /// <summary>Ends the point with its timestamp (in the precision the write request names).</summary>
    public LineProtocolWriter End(long timestamp)
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

    /// <summary>The finished text in pieces, for encoding straight to a request stream without one large string.</summary>
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
