namespace CloudClinic.Edge.Gateway.Tests;

/// <summary>Awaits a condition re-checked on each raise of a change event (TaskCompletionSource, no polling).</summary>
internal static class Eventually
{
    public static async Task WaitAsync(Func<bool> condition, Action<Action> subscribe, Action<Action> unsubscribe, TimeSpan timeout, Func<string> describe)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (condition())
            {
                done.TrySetResult();
            }
        }

        subscribe(Check);
        try
        {
            Check();
            await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"not reached within {timeout}: {describe()}");
        }
        finally
        {
            unsubscribe(Check);
        }
    }
}
