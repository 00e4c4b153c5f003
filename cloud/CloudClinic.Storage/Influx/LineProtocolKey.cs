namespace CloudClinic.Storage.Influx;

/// <summary>
/// A tag or field key, escaped into UTF-8 once. Every reading point carries the same dozen-odd keys, and checking,
/// escaping and transcoding each of them again for every point was a good part of building the line protocol (perf of
/// the ingest, bench/README.md); <see cref="ReadingPoints"/> keeps its keys in static fields. A string converts
/// implicitly, for the occasional key. A key line protocol cannot carry (empty, a newline, a trailing backslash) is
/// refused by the writer when used, as a tag key or a field key.
/// </summary>
internal sealed class LineProtocolKey
{
    private LineProtocolKey(string? name)
    {
        Name = name;
        EscapedOrNull = LineProtocolWriter.TryEscapeName(name);
    }

    public string? Name { get; }

    /// <summary>The key as it goes into the line: UTF-8, with comma, equals sign and space escaped; null when it cannot go.</summary>
    public byte[]? EscapedOrNull { get; }

    public static LineProtocolKey Of(string? name) => new(name);

    public static implicit operator LineProtocolKey(string? name) => Of(name);

    public override string ToString() => Name ?? string.Empty;
}
