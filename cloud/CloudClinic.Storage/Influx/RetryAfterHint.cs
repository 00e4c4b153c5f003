using System.Net.Http.Headers;

namespace CloudClinic.Storage.Influx;

/// <summary>
/// The server's HTTP <c>Retry-After</c> (RFC 9110 §10.2.3) as a wait: either delay-seconds or an HTTP-date, which
/// proxies and load balancers in front of InfluxDB send as often as InfluxDB Cloud sends seconds. A date in the past
/// or a zero delay is no hint at all (the retry pipeline's own backoff applies).
/// </summary>
internal static class RetryAfterHint
{
    public static TimeSpan? From(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        var wait = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => TimeSpan.Zero,
        };
        return wait > TimeSpan.Zero ? wait : null;
    }
}
