namespace CloudClinic.Testing;

/// <summary>Waits that say what they were waiting for when they time out.</summary>
public static class TaskTimeouts
{
    /// <summary>
    /// <see cref="Task.WaitAsync(TimeSpan)"/>, whose <see cref="TimeoutException"/> carries <paramref name="describe"/>'s
    /// text, taken at the moment of the timeout (how far it got): on CI only the failure message is kept.
    /// </summary>
    public static async Task WaitOrExplainAsync(this Task task, TimeSpan timeout, Func<string> describe)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(describe);
        try
        {
            await task.WaitAsync(timeout);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(describe(), ex);
        }
    }
}
