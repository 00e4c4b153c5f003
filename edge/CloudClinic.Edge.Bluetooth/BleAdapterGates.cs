using System.Collections.Concurrent;

namespace CloudClinic.Edge.Bluetooth;

/// <summary>
/// One GATT session at a time per adapter: cheap adapters (the Pi's built-in one) drop links or stall discovery when
/// a second connection runs. Share one instance across all BLE drivers of a gateway.
/// </summary>
public sealed class BleAdapterGates : IDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <summary>Waits for the adapter; dispose the result to let the next session in.</summary>
    public async Task<IDisposable> EnterAsync(string adapter, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(adapter, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(gate);
    }

    public void Dispose()
    {
        foreach (var gate in _gates.Values)
        {
            gate.Dispose();
        }
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
