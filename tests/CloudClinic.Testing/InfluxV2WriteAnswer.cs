namespace CloudClinic.Testing;

/// <summary>
/// A scripted answer of <see cref="InfluxV2LoopbackDouble"/> to one <c>POST /api/v2/write</c>, with an error body
/// shaped like InfluxDB 2.x's (<c>{"code": …, "message": …}</c>) and an optional <c>Retry-After</c> in seconds.
/// </summary>
public sealed record InfluxV2WriteAnswer(int Status, string Message, int? RetryAfterSeconds = null)
{
    public static InfluxV2WriteAnswer TooLarge { get; } = new(413, "request entity too large: max 1000 bytes");

    public static InfluxV2WriteAnswer Unavailable { get; } = new(503, "service unavailable: storage is shutting down");

    public static InfluxV2WriteAnswer TooManyRequests(int retryAfterSeconds) =>
        new(429, "too many requests: write rate limit", retryAfterSeconds);

    public static InfluxV2WriteAnswer BadRequest(string message) => new(400, message);
}
