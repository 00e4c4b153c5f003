using System.ComponentModel.DataAnnotations;
using System.Text;
using CloudClinic.Edge.Bluetooth.BlueZ;
using CloudClinic.Edge.Bluetooth.Gatt;
using CloudClinic.Edge.Bluetooth.Sessions;
using CloudClinic.Edge.Devices.BloodPressure;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Tmds.DBus.Protocol;

namespace CloudClinic.Edge.Bluetooth;

/// <summary>
/// Reads one BLE meter for the life of a station: find it (discovering if BlueZ does not know it), take the adapter
/// (one GATT session per adapter), connect, read model/serial and check its clock, run the BP or glucose session,
/// disconnect, release the adapter. A failed session is retried with exponential back-off and jitter (Polly); a
/// finished one is followed by <see cref="BleMeterOptions.PollInterval"/>.
/// </summary>
public sealed class BleMeterDriver
{
    private readonly BleMeterOptions _options;
    private readonly BlueZClient _client;
    private readonly BleAdapterGates _gates;
    private readonly IBleRecordSink _sink;
    private readonly IRacpCursorStore _cursor;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly BloodPressureQuirks _quirks;
    private readonly ResiliencePipeline _reconnect;

    public BleMeterDriver(
        BleMeterOptions options,
        BlueZClient client,
        BleAdapterGates gates,
        IBleRecordSink sink,
        IRacpCursorStore cursor,
        TimeProvider timeProvider,
        ILogger<BleMeterDriver> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The attributes of BleMeterOptions, checked by generated code (Validator.ValidateObject is not trim-safe).
        var validation = new BleMeterOptionsAttributesValidator().Validate(name: null, options);
        if (validation.Failed)
        {
            throw new ValidationException(validation.FailureMessage);
        }

        if (!BloodPressureProfiles.TryGet(options.Profile, out var quirks))
        {
            throw new ValidationException($"Profile '{options.Profile}' is unknown (known: {string.Join(", ", BloodPressureProfiles.All.Select(p => p.Name))})");
        }

        (_options, _client, _gates, _sink, _cursor, _timeProvider, _logger, _quirks) = (options, client, gates, sink, cursor, timeProvider, logger, quirks);
        _reconnect = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.ReconnectBaseDelay,
                MaxDelay = options.ReconnectMaxDelay,
                OnRetry = OnRetryAsync,
            })
            .Build();
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled, then returns (it does not throw).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var result = await _reconnect.ExecuteAsync(RunSessionAsync, cancellationToken).ConfigureAwait(false);
                await _sink.SessionEndedAsync(result, cancellationToken).ConfigureAwait(false);
                await Task.Delay(_options.PollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One session, start to finish; throws when it fails (the caller decides about retrying).</summary>
    public async ValueTask<BleSessionResult> RunSessionAsync(CancellationToken cancellationToken)
    {
        using var adapter = await _gates.EnterAsync(_options.Adapter, cancellationToken).ConfigureAwait(false);
        var devicePath = await FindDeviceAsync(cancellationToken).ConfigureAwait(false);
        await using var link = await GattLink.OpenAsync(_client, devicePath, _options.ConnectTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
        var meter = await ReadIdentityAsync(link).ConfigureAwait(false);
        Log.Connected(_logger, meter.Address, meter.Model, meter.Serial);
        await _sink.SessionStartedAsync(meter, cancellationToken).ConfigureAwait(false);
        var context = new SessionContext(meter, _sink, _options, _timeProvider);
        await MeterClockCheck.RunAsync(link, context, _logger).ConfigureAwait(false);
        var detail = _options.Kind == BleMeterKind.BloodPressure
            ? await BloodPressureSession.RunAsync(link, context, _quirks, _logger, cancellationToken).ConfigureAwait(false)
            : await new GlucoseSession(link, context, _cursor, _logger).RunAsync(cancellationToken).ConfigureAwait(false);
        Log.SessionEnded(_logger, meter.Address, context.Records, context.Rejected, detail);
        return new BleSessionResult
        {
            Address = meter.Address,
            Completed = true,
            Records = context.Records,
            Rejected = context.Rejected,
            CuffPressureIgnored = context.CuffPressureIgnored,
            Detail = detail,
            EndedAt = _timeProvider.GetLocalNow(),
        };
    }

    private async ValueTask OnRetryAsync(OnRetryArguments<object> args)
    {
        var reason = args.Outcome.Exception?.Message ?? "unknown";
        Log.SessionFailed(_logger, _options.Address, args.RetryDelay, reason);
        var result = new BleSessionResult { Address = _options.Address, Completed = false, Detail = reason, EndedAt = _timeProvider.GetLocalNow() };
        await _sink.SessionEndedAsync(result, args.Context.CancellationToken).ConfigureAwait(false);
    }

    private async Task<string> FindDeviceAsync(CancellationToken cancellationToken)
    {
        var adapterPath = BlueZClient.AdapterPath(_options.Adapter);
        var devicePath = BlueZClient.DevicePath(_options.Adapter, _options.Address);
        if (await IsKnownAsync(devicePath).ConfigureAwait(false))
        {
            return devicePath;
        }

        // BlueZ creates the device object only once it has seen the meter advertise.
        Log.Discovering(_logger, _options.Address, _options.DiscoveryTimeout);
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = await _client.WatchInterfacesAddedAsync(path =>
        {
            if (path == devicePath)
            {
                seen.TrySetResult();
            }
        }).ConfigureAwait(false);
        var service = GattUuid.From16(_options.Kind == BleMeterKind.BloodPressure ? GattUuid.BloodPressureService : GattUuid.GlucoseService);
        await _client.SetDiscoveryFilterAsync(adapterPath, [service]).ConfigureAwait(false);
        await _client.StartDiscoveryAsync(adapterPath).ConfigureAwait(false);
        try
        {
            if (!await IsKnownAsync(devicePath).ConfigureAwait(false))
            {
                await seen.Task.WaitAsync(_options.DiscoveryTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
            }

            return devicePath;
        }
        catch (TimeoutException)
        {
            throw new BleSessionException($"{_options.Address} was not seen advertising within {_options.DiscoveryTimeout} (out of range, off, or bonded to another host?)");
        }
        finally
        {
            try
            {
                await _client.StopDiscoveryAsync(adapterPath).ConfigureAwait(false);
            }
            catch (DBusErrorReplyException)
            {
                // Discovery already stopped (another client, or the adapter reset): nothing to undo.
            }
        }
    }

    private async Task<bool> IsKnownAsync(string devicePath) =>
        (await _client.GetManagedObjectsAsync().ConfigureAwait(false)).Any(o => o.Path == devicePath && o.Has(BlueZNames.Device));

    private async Task<BleMeterIdentity> ReadIdentityAsync(GattLink link)
    {
        var model = _options.Model ?? await ReadStringAsync(link, GattUuid.ModelNumber).ConfigureAwait(false) ?? link.DeviceName ?? "ble-meter";
        var serial = await ReadStringAsync(link, GattUuid.SerialNumber).ConfigureAwait(false) ?? _options.Address.Replace(":", string.Empty, StringComparison.Ordinal);
        return new BleMeterIdentity { Address = _options.Address.ToUpperInvariant(), Kind = _options.Kind, Model = model, Serial = serial, Profile = _quirks.Name };
    }

    /// <summary>A Device Information string (UTF-8, GATT Specification Supplement); null when absent or unreadable.</summary>
    private static async Task<string?> ReadStringAsync(GattLink link, ushort uuid)
    {
        if (link.Find(uuid) is not { CanRead: true } characteristic)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(await link.ReadAsync(characteristic).ConfigureAwait(false)).TrimEnd('\0', ' ');
            return text.Length == 0 ? null : text;
        }
        catch (DBusErrorReplyException)
        {
            return null;
        }
    }
}
