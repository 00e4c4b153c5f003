using System.Buffers;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CloudClinic.Storage.Influx;

/// <summary>
/// Builds InfluxDB line protocol (<c>measurement,tag=v field=1,f2="s" 1700000000000</c>) as UTF-8, escaping as
/// InfluxDB 1.x parses it (models/points.go): measurement → comma and space; tag keys, tag values and field keys →
/// comma, equals and space; string field values → double quote and backslash (a newline inside quotes is kept as is).
/// Line protocol has no escape for a newline outside quotes, nor for a backslash that ends a tag value, so those
/// are refused here: callers encode tag values first (<see cref="InfluxTagValue"/>). Pure: no I/O. The bytes live in
/// pooled segments (<see cref="Utf8SegmentBuffer"/>) until the writer is disposed.
/// </summary>
internal sealed class LineProtocolWriter : IDisposable
{
    // The characters each element escapes with a backslash (see the summary); all ASCII, so one byte each.
    private static readonly SearchValues<char> MeasurementEscapes = SearchValues.Create(", ");
    private static readonly SearchValues<char> NameEscapes = SearchValues.Create(",= ");
    private static readonly SearchValues<char> StringEscapes = SearchValues.Create("\"\\");

    private readonly Utf8SegmentBuffer _bytes = new();
    private State _state = State.Idle;
    private int _points;

    private enum State
    {
        Idle,
        Tags,
        Fields,
    }

    public int PointCount => _points;

    /// <summary>UTF-8 bytes written so far: the request's Content-Length once the last point has ended.</summary>
    public long ByteCount => _bytes.Length;

    public LineProtocolWriter Begin(string measurement)
    {
        Require(State.Idle, nameof(Begin));
        RequireName(measurement, "measurement");
        if (_points > 0)
        {
            _bytes.Write((byte)'\n');
        }

        WriteEscaped(measurement, MeasurementEscapes);
        _state = State.Tags;
        return this;
    }

    /// <summary>Adds a tag; a null or empty value is skipped (InfluxDB stores no empty tags).</summary>
    public LineProtocolWriter Tag(LineProtocolKey key, string? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        Require(State.Tags, nameof(Tag));
        var escapedKey = Escaped(key, "tag key");
        if (string.IsNullOrEmpty(value))
        {
            return this;
        }

        RequireName(value, "tag value");
        _bytes.Write((byte)',');
        _bytes.Write(escapedKey);
        _bytes.Write((byte)'=');
        WriteEscaped(value, NameEscapes);
        return this;
    }

    public LineProtocolWriter Field(LineProtocolKey key, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"field {key} is {value}: line protocol has no NaN or infinity", nameof(value));
        }

        // No "i" suffix: always a float, so a value like 120 never makes the field an integer (a type conflict).
        FieldKey(key);
        if (IsPlainInteger(value))
        {
            // Same digits as "R" (below 1e15 it writes an integral double without exponent), about ten times faster:
            // most pressures and pulses are whole numbers.
            _bytes.Write((long)value, default);
        }
        else
        {
            _bytes.Write(value, "R");
        }

        return this;
    }

    public LineProtocolWriter Field(LineProtocolKey key, bool value)
    {
        FieldKey(key);
        _bytes.Write(value ? "true"u8 : "false"u8);
        return this;
    }

    /// <summary>Adds a string field; a null value is skipped.</summary>
    public LineProtocolWriter Field(LineProtocolKey key, string? value)
    {
        if (value is null)
        {
            return this;
        }

        FieldKey(key);
        _bytes.Write((byte)'"');
        WriteEscaped(value, StringEscapes);
        _bytes.Write((byte)'"');
        return this;
    }

    /// <summary>Adds a string field holding the time as <c>value.ToString("o", InvariantCulture)</c> would, with no string between.</summary>
    public LineProtocolWriter Field(LineProtocolKey key, DateTimeOffset value)
    {
        FieldKey(key);
        _bytes.Write((byte)'"');

        // The round-trip format is digits, '-', ':', '.', 'T' and '+' only: never a quote or a backslash to escape.
        _bytes.Write(value, "o");
        _bytes.Write((byte)'"');
        return this;
    }

    /// <summary>
    /// Adds a string field of <paramref name="values"/> joined by <paramref name="separator"/>, as
    /// <see cref="string.Join(char, string?[])"/> would join them but without the joined string; an empty list is skipped.
    /// </summary>
    public LineProtocolWriter Field(LineProtocolKey key, IReadOnlyList<string> values, char separator)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return this;
        }

        FieldKey(key);
        _bytes.Write((byte)'"');
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                WriteEscaped(new ReadOnlySpan<char>(in separator), StringEscapes);
            }

            WriteEscaped(values[i], StringEscapes);
        }

        _bytes.Write((byte)'"');
        return this;
    }

    /// <summary>Ends the point with its timestamp (in the precision the write request names).</summary>
    public LineProtocolWriter End(long timestamp)
    {
        if (_state != State.Fields)
        {
            throw new InvalidOperationException("a point needs at least one field before its timestamp");
        }

        _bytes.Write((byte)' ');
        _bytes.Write(timestamp, default);
        _state = State.Idle;
        _points++;
        return this;
    }

    /// <summary>The finished text decoded to a string (for the v2 client, which takes strings, and for tests).</summary>
    public override string ToString()
    {
        Require(State.Idle, nameof(ToString));
        return _bytes.ToString();
    }

    /// <summary>The finished UTF-8 bytes in pieces, for writing straight to a request stream; valid until <see cref="Dispose"/>.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> GetSegments()
    {
        Require(State.Idle, nameof(GetSegments));
        return _bytes.Segments();
    }

    /// <summary>Returns the segments to the pool.</summary>
    public void Dispose() => _bytes.Dispose();

    private void FieldKey(LineProtocolKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_state == State.Idle)
        {
            throw new InvalidOperationException("Field called before Begin");
        }

        var escapedKey = Escaped(key, "field key");
        _bytes.Write((byte)(_state == State.Tags ? ' ' : ','));
        _state = State.Fields;
        _bytes.Write(escapedKey);
        _bytes.Write((byte)'=');
    }

    /// <summary>
    /// A tag or field key escaped as the line carries it, in UTF-8 (for <see cref="LineProtocolKey"/>); null for a key
    /// the line cannot carry, which the writer refuses when it is used, naming what it was meant to be.
    /// </summary>
    internal static byte[]? TryEscapeName(string? key)
    {
        if (!CanCarry(key))
        {
            return null;
        }

        using var line = new LineProtocolWriter();
        line.WriteEscaped(key, NameEscapes);
        return Encoding.UTF8.GetBytes(line._bytes.ToString());
    }

    /// <summary>Copies the runs between escaped characters in bulk; each escaped character is ASCII, one byte.</summary>
    private void WriteEscaped(ReadOnlySpan<char> text, SearchValues<char> escapes)
    {
        for (var next = text.IndexOfAny(escapes); next >= 0; next = text.IndexOfAny(escapes))
        {
            _bytes.Write(text[..next]);
            _bytes.Write((byte)'\\');
            _bytes.Write((byte)text[next]);
            text = text[(next + 1)..];
        }

        _bytes.Write(text);
    }

    // Negative zero is left to "R", which writes it as "-0".
    private static bool IsPlainInteger(double value) =>
        Math.Abs(value) < 1e15 && value == Math.Truncate(value) && !(value == 0 && double.IsNegative(value));

    private void Require(State state, string operation)
    {
        if (_state != state)
        {
            throw new InvalidOperationException($"{operation} is not valid while writing {_state}");
        }
    }

    private static ReadOnlySpan<byte> Escaped(LineProtocolKey key, string what)
    {
        if (key.EscapedOrNull is not { } escaped)
        {
            RequireName(key.Name, what);
            throw new UnreachableException("a key that cannot be escaped is not a name line protocol can carry");
        }

        return escaped;
    }

    private static void RequireName(string? value, string what)
    {
        if (!CanCarry(value))
        {
            ArgumentException.ThrowIfNullOrEmpty(value, what);
            throw new ArgumentException($"{what} '{value}' has a newline or a trailing backslash, which line protocol cannot escape", what);
        }
    }

    private static bool CanCarry([NotNullWhen(true)] string? name) =>
        !string.IsNullOrEmpty(name) && name.AsSpan().IndexOfAny('\n', '\r') < 0 && name[^1] != '\\';
}
