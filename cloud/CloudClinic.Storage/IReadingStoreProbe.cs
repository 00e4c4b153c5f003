namespace CloudClinic.Storage;

/// <summary>
/// The readiness side of a reading store (a host's <c>/readyz</c>): can the store be reached right now, without
/// writing anything. InfluxDB answers <c>GET /ping</c> with 204 in every version (1.x, 2.x, 3.x).
/// </summary>
public interface IReadingStoreProbe
{
    /// <returns><see langword="null"/> when the store answers, otherwise why it does not.</returns>
    Task<string?> ProbeAsync(CancellationToken ct);
}
