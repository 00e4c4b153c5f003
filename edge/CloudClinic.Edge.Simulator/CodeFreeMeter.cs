using CloudClinic.Contracts;
using CloudClinic.Edge.Devices.SerialMeters.CodeFree;

namespace CloudClinic.Edge.Simulator;

/// <summary>
/// An SD CodeFree switched on next to the gateway (glucometer-protocols sd-biosensor/codefree.md): it repeats its
/// challenge until the host answers, sends its record count, then one record per fetch, newest first, and
/// "disconnected" after the last. Each session is one switch-on; --sessions says how many (default 1).
/// </summary>
internal sealed class CodeFreeMeter(MeterPort port)
{
    private static readonly TimeSpan ChallengeEvery = TimeSpan.FromMilliseconds(300);
    private readonly CodeFreeFrameReader _reader = new();
    private readonly byte[] _buffer = new byte[128];
    private readonly Queue<CodeFreeFrame> _requests = new();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var sessions = port.Arguments.Sessions == 0 ? int.MaxValue : port.Arguments.Sessions;
        for (var session = 1; session <= sessions; session++)
        {
            await ChallengeAsync(cancellationToken);
            var count = port.Memory.Count;
            await port.SendAsync(CodeFreeParser.Encode(CodeFreeParser.MeterToHost, [0x30, (byte)(count >> 8), (byte)count, .. Enumerable.Repeat((byte)0xAA, 19)]), cancellationToken);
            for (var i = 0; i <= count; i++)
            {
                if (!await NextRequestAsync(0x60, Timeout.InfiniteTimeSpan, cancellationToken))
                {
                    return;
                }

                if (i == count)
                {
                    await port.SendAsync(CodeFreeParser.Encode(CodeFreeParser.MeterToHost, [0x10, 0x70]), cancellationToken);
                    break;
                }

                var fault = port.FaultFor(i);
                var packet = Reading(port.Memory[i]);
                await port.SendAsync(MeterPort.Damage(packet, fault, checksumIndex: packet.Length - 2), cancellationToken);
            }

            await port.ReportDumpAsync(session, count);
        }
    }

    /// <summary>Repeats the challenge until the host answers it (a real meter gives up; the simulator waits).</summary>
    private async Task ChallengeAsync(CancellationToken cancellationToken)
    {
        var challenge = CodeFreeParser.Encode(CodeFreeParser.MeterToHost, [0x10, 0x30]);
        do
        {
            await port.SendAsync(challenge, cancellationToken);
        }
        while (!await NextRequestAsync(0x40, ChallengeEvery, cancellationToken));
    }

    /// <summary>Waits for a host message <c>10 {second}</c>; false on timeout or end of stream.</summary>
    private async Task<bool> NextRequestAsync(byte second, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            wait.CancelAfter(timeout);
        }

        while (true)
        {
            while (_requests.TryDequeue(out var request))
            {
                if (request.Message.Length == 2 && request.Message.Span[0] == 0x10 && request.Message.Span[1] == second)
                {
                    return true;
                }
            }

            int count;
            try
            {
                count = await port.ReadAsync(_buffer, wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            if (count == 0)
            {
                return false;
            }

            foreach (var frame in _reader.Feed(_buffer.AsSpan(0, count)))
            {
                if (!frame.IsDropped && CodeFreeParser.TryParse(frame.Bytes.Span, out var packet, out _) && !packet.FromMeter)
                {
                    _requests.Enqueue(packet);
                }
            }
        }
    }

    private static byte[] Reading(StoredResult result)
    {
        var at = result.MeterLocalTime;
        byte meal = result.Meal switch
        {
            MealContexts.Preprandial => 0x10,
            MealContexts.Postprandial => 0x20,
            _ => 0x00,
        };
        byte[] message = [0, 0, (byte)(at.Year - 2000), (byte)at.Month, (byte)at.Day, (byte)at.Hour, (byte)at.Minute, (byte)(result.GlucoseMgdL >> 8), (byte)result.GlucoseMgdL, meal, 0, 0, 0, 0, 0, 0, 0];
        return CodeFreeParser.Encode(CodeFreeParser.MeterToHost, message);
    }
}
