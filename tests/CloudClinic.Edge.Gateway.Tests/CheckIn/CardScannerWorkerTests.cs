using System.IO.Ports;
using CloudClinic.Edge.Gateway.CheckIn;
using CloudClinic.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway.Tests.CheckIn;

/// <summary>A card scanner on a real serial pty (socat): scans become check-ins, bad scans and unknown cards do not.</summary>
public sealed class CardScannerWorkerTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly CheckInFixture _fixture = new();
    private SocatPtyPair _pty = null!;
    private CheckInService _service = null!;
    private CardScannerWorker _worker = null!;

    public async Task InitializeAsync()
    {
        _pty = await SocatPtyPair.StartAsync();
        var (roster, service) = _fixture.Open();
        roster.Apply(CheckInFixture.Roster(_fixture.Time.GetUtcNow(), ("p-0001", "张*华", ["6201020000001"])));
        _service = service;
        var options = Options.Create(new CheckInOptions { Scanners = [new CardScannerOptions { Port = _pty.PortA, Station = "bp-1" }] });
        // The serial link's reopen back-off runs on real time; check-in sessions on the fixture's fake clock.
        _worker = new CardScannerWorker(options, _service, TimeProvider.System, NullLogger<CardScannerWorker>.Instance);
        await _worker.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _worker.StopAsync(CancellationToken.None);
        _worker.Dispose();
        await _pty.DisposeAsync();
        _fixture.Dispose();
    }

    [Fact]
    public async Task Scan_KnownCard_ChecksThePatientInAtTheScannersStation()
    {
        Scan("6201020000001\r");

        await WaitForAsync(() => _service.OpenSessions().Count == 1);
        var now = _fixture.Time.GetUtcNow();
        Assert.Equal("p-0001", _service.PatientFor("bp-1", now, now));
    }

    [Fact]
    public async Task Scan_NoiseThenUnknownCardThenKnownCard_OnlyTheKnownOneChecksIn()
    {
        Scan("\u0013\u0011\r9999999999\r6201020000001\r");

        await WaitForAsync(() => _service.OpenSessions().Count == 1);
        Assert.Equal(1, _service.UnknownCards);
        Assert.Equal("p-0001", _service.OpenSessions().Single().PatientId);
    }

    [Fact]
    public async Task Scan_AfterUnplugAndReplug_IsStillRead()
    {
        await _pty.UnplugAsync();
        await _pty.ReplugAsync();

        // The link reopens with back-off; keep scanning until one lands, as a nurse would.
        await WaitForAsync(() => _service.OpenSessions().Count == 1, onEachCheck: () => Scan("6201020000001\r"));
    }

    private void Scan(string text)
    {
        using var scanner = new SerialPort(_pty.PortB, 9600);
        scanner.Open();
        scanner.Write(text);
    }

    private async Task WaitForAsync(Func<bool> condition, Action? onEachCheck = null)
    {
        if (onEachCheck is null)
        {
            await Eventually.WaitAsync(condition, h => _service.Changed += h, h => _service.Changed -= h, Timeout, () => $"{_service.OpenSessions().Count} sessions");
            return;
        }

        using var timeout = new CancellationTokenSource(Timeout);
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _service.Changed += () => changed.TrySetResult();
        while (!condition())
        {
            onEachCheck();
            await Task.WhenAny(changed.Task, Task.Delay(TimeSpan.FromMilliseconds(500), timeout.Token));
            timeout.Token.ThrowIfCancellationRequested();
        }
    }
}
