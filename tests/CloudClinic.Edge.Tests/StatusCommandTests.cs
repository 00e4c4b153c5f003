using System.Text.Json;
using CloudClinic.Contracts;
using CloudClinic.Edge.Gateway.Acquisition;
using CloudClinic.Edge.Gateway.Configuration;
using CloudClinic.Edge.Gateway.Outbox;
using CloudClinic.Edge.Status;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CloudClinic.Edge.Tests;

/// <summary><c>status [--json]</c> in-process, against an outbox the gateway's own store filled.</summary>
public sealed class StatusCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"cloudclinic-status-tests-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Run_OutboxWithRows_PrintsBacklogOldestAgeUrgentAndLastRejected()
    {
        var path = PrepareOutbox();

        var (exitCode, output, error) = Status([], path);

        Assert.True(exitCode == 0, error);
        Assert.Empty(error);
        Assert.Equal(
            $"""
            outbox:          {path}
            backlog:         3 reading(s) waiting for the broker
            urgent pending:  1
            oldest pending:  1d 2h 3m 4s old (received 2026-01-01T01:01:01Z)
            rejected frames: 2
            last error:      2026-01-02T03:00:00Z station bp-2: bad checksum

            """.ReplaceLineEndings(),
            output);
    }

    [Fact]
    public void Run_Json_PrintsTheSameFiguresAsOneObject()
    {
        var path = PrepareOutbox();

        var (exitCode, output, error) = Status(["--json"], path);

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(path, root.GetProperty("outboxPath").GetString());
        Assert.Equal(3, root.GetProperty("backlog").GetInt64());
        Assert.Equal(1, root.GetProperty("urgentPending").GetInt64());
        Assert.Equal(93784, root.GetProperty("oldestPendingAgeSeconds").GetDouble());
        Assert.Equal(2, root.GetProperty("rejectedFrames").GetInt64());
        Assert.Equal("bad checksum", root.GetProperty("lastError").GetProperty("reason").GetString());
        Assert.Equal("bp-2", root.GetProperty("lastError").GetProperty("station").GetString());
    }

    [Fact]
    public void Run_EmptyOutbox_PrintsNoneAndZeroes()
    {
        var path = Path.Combine(_folder, "outbox.db");
        using (var database = OpenDatabase(path))
        {
            database.EnsureOpen();
        }

        var (exitCode, output, _) = Status(["--json"], path);

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0, json.RootElement.GetProperty("backlog").GetInt64());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("oldestPendingAgeSeconds").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("lastError").ValueKind);
    }

    [Fact]
    public void Run_MissingFile_Returns1WithReasonAndCreatesNothing()
    {
        var path = Path.Combine(_folder, "outbox.db");

        var (exitCode, output, error) = Status([], path);

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Contains(path, error, StringComparison.Ordinal);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder), "status created the outbox folder");
    }

    [Fact]
    public void Run_NotAnOutbox_Returns1WithSqliteReason()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "outbox.db");
        File.WriteAllText(path, "this is not a database, it is a text file long enough to have a header page");

        var (exitCode, output, error) = Status([], path);

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.StartsWith($"cannot read the outbox {path}:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(59, "59s")]
    [InlineData(3600, "1h")]
    [InlineData(90061, "1d 1h 1m 1s")]
    [InlineData(-61, "-1m 1s")]
    public void FormatAge_Seconds_LargestUnitFirst(int seconds, string expected) =>
        Assert.Equal(expected, StatusCommand.FormatAge(TimeSpan.FromSeconds(seconds)));

    private (int ExitCode, string Output, string Error) Status(string[] args, string path)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = StatusCommand.Run(args, path, "/", output, error, new FakeTimeProvider(Now));
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>3 waiting readings (one urgent; the oldest received 1d 2h 3m 4s before <see cref="Now"/>), 2 rejected frames.</summary>
    private string PrepareOutbox()
    {
        var path = Path.Combine(_folder, "outbox.db");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 2, 0, 0, TimeSpan.Zero));
        using var database = OpenDatabase(path);
        var options = Options.Create(new EdgeOptions { OutboxPath = path });
        var budget = new OutboxBudget(database, options, time, NullLogger<OutboxBudget>.Instance);
        var rejected = new RejectedFrameStore(database, budget, options, time);
        var outbox = new OutboxStore(database, rejected, budget);
        Assert.True(CclpFrameDecoder.TryDecode("$CCBP,BP0042,17,20250301T081500+0800,182,112,,80,mmHg,*7E", "c1", "gw1", Now, out var urgent, out var reason), reason);
        ReadingMessage normal = urgent with { ReadingId = "normal-1", Systolic = 120, Diastolic = 80, ReceivedAt = new DateTimeOffset(2026, 1, 1, 1, 1, 1, TimeSpan.Zero) };
        Assert.Equal(OutboxAddResult.Added, outbox.TryAdd(urgent with { ReceivedAt = Now.AddMinutes(-5) }));
        Assert.Equal(OutboxAddResult.Added, outbox.TryAdd(normal));
        Assert.Equal(OutboxAddResult.Added, outbox.TryAdd(normal with { ReadingId = "normal-2", ReceivedAt = Now.AddHours(-1) }));
        // A duplicate read is one row: the backlog stays 3.
        Assert.Equal(OutboxAddResult.Duplicate, outbox.TryAdd(normal));
        rejected.Add("bp-1", "unknown sentence", [0x24, 0x43]);
        time.SetUtcNow(new DateTimeOffset(2026, 1, 2, 3, 0, 0, TimeSpan.Zero));
        rejected.Add("bp-2", "bad checksum", [0x24]);
        return path;
    }

    private static OutboxDatabase OpenDatabase(string path) =>
        new(Options.Create(new EdgeOptions { OutboxPath = path }), new HostingEnvironment { ContentRootPath = "/" });
}
