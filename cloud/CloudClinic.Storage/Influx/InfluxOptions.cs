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

    /// <summary>
    /// <c>v1</c> (<c>/write</c> + <c>/query</c>, every InfluxDB from 1.x on) or <c>v2</c> (<c>/api/v2/write</c> with
    /// token, org and bucket: InfluxDB 2.x, 3.x, Cloud, 1.8+; reads still InfluxQL over <c>/query</c> via DBRP).
    /// </summary>
    public string Dialect { get; set; } = DialectV1;

    public string Database { get; set; } = "cloudclinic";

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>v2: the organization that owns <see cref="Bucket"/>.</summary>
    public string? Org { get; set; }

    /// <summary>v2: the bucket readings are written to (and, through its DBRP mapping, queried as a database).</summary>
    public string? Bucket { get; set; }

    /// <summary>v2: an API token with write (and read) permission on <see cref="Bucket"/>.</summary>
    public string? Token { get; set; }

    /// <summary>
    /// v1: a retention policy created on first start as the database's default and named on every write and query;
    /// unset = the database's own default (<c>autogen</c>, kept forever).
    /// </summary>
    public string? RetentionPolicy { get; set; }

    /// <summary>v1: the policy's InfluxQL duration, <c>INF</c> (keep forever: medical records) or e.g. <c>520w</c>; at least 1 h.</summary>
    public string RetentionDuration { get; set; } = "INF";

    /// <summary>The <c>rp</c> of InfluxQL queries: the configured policy (v1); v2 buckets carry their own retention.</summary>
    internal string? QueryRetentionPolicy => Dialect == DialectV1 ? RetentionPolicy : null;

    /// <summary>The <c>db</c> of InfluxQL queries: the database (v1) or the bucket's DBRP name (v2).</summary>
    internal string QueryDatabase => Dialect == DialectV2 ? Bucket ?? string.Empty : Database;

    /// <summary>Per-request timeout; a database that stops answering becomes a transient failure after this.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
