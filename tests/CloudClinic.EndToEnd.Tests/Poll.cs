namespace CloudClinic.EndToEnd.Tests;

/// <summary>
/// Waits for a condition in an outside system (a row in influxd, a line in a log) that cannot signal us.
/// Bounded by a timeout; the failure message says what was awaited.
/// </summary>
internal static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(timeout.TotalSeconds * TimeProvider.System.TimestampFrequency);
        T last;
        Exception? lastError = null;
        do
        {
            try
            {
                last = await probe();
                if (done(last))
                {
                    return last;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
            {
                lastError = ex;
            }

            await Task.Delay(200);
        }
        while (TimeProvider.System.GetTimestamp() < deadline);

        throw new TimeoutException($"Timed out after {timeout} waiting for {what}. Last error: {lastError?.Message ?? "none"}");
    }
}
