using System.Collections.Concurrent;
using CloudClinic.Testing;
using Microsoft.Extensions.Logging;

namespace CloudClinic.Ingestion.Tests;

/// <summary>Keeps every log line of a test host and lets a test await a line containing some text.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Lock _gate = new();
    private readonly List<(string Text, int Count, TaskCompletionSource Done)> _waiters = [];

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public int Count(string text) => _lines.Count(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>Completes once <paramref name="count"/> lines containing <paramref name="text"/> were logged.</summary>
    public Task WaitForAsync(string text, TimeSpan timeout, int count = 1)
    {
        lock (_gate)
        {
            if (Count(text) >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((text, count, done));
            return ExplainTimeoutAsync(done.Task.WaitOrExplainAsync(
                timeout, () => $"{Count(text)} of {count} log lines containing \"{text}\" within {timeout}"));
        }
    }

    /// <summary>
    /// Awaits <paramref name="wait"/>; should it time out, the exception's message goes on with the host's last log
    /// lines, so that a failure on CI (where only the error message is kept) shows what the host was doing.
    /// </summary>
    public async Task ExplainTimeoutAsync(Task wait)
    {
        try
        {
            await wait;
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; the host's last log lines:\n{string.Join('\n', _lines.TakeLast(20))}", ex);
        }
    }

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        lock (_gate)
        {
            _lines.Enqueue(line);
            foreach (var waiter in _waiters.Where(w => Count(w.Text) >= w.Count).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            capture.Add($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? string.Empty : " " + exception)}");
        }
    }
}
