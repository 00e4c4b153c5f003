namespace CloudClinic.Storage.Influx;

/// <summary>
/// The <c>Influx</c> section (DESIGN.md §9). Used when <c>Storage:Readings</c> is <c>influx</c>; checked at
/// start-up by <see cref="InfluxOptionsValidator"/>, whose messages name the key.
/// </summary>
public sealed class InfluxOptions
{
    public const string SectionName = "Influx";

    public const string DialectV1 = "v1";
    public const string DialectV2 = "v2";

    /// <summary>Base URL of the HTTP API, e.g. <c>http://127.0.0.1:8086</c>.</summary>
    public string Url { get; set; } = "http://127.0.0.1:8086";

    /// <summary><c>v1</c> (<c>/write</c> + <c>/query</c>); <c>v2</c> is refused by this build.</summary>
    public string Dialect { get; set; } = DialectV1;

    public string Database { get; set; } = "cloudclinic";

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Per-request timeout; a database that stops answering becomes a transient failure after this.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
