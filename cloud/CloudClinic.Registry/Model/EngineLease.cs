namespace CloudClinic.Registry.Model;

/// <summary>
/// Which process runs a singleton job (the alert engine's queue, schedule and dispatchers) when several hosts share
/// one registry. The holder renews it well before <see cref="ExpiresAt"/>; another process takes it over only after
/// it expired. <see cref="Version"/> is the optimistic-concurrency token, so two takers cannot both win.
/// </summary>
public sealed class EngineLease
{
    public string Name { get; set; } = "";

    public string Holder { get; set; } = "";

    public DateTimeOffset ExpiresAt { get; set; }

    public long Version { get; set; }
}
