using System.Diagnostics;
using System.Globalization;
using CloudClinic.Testing;

namespace CloudClinic.Bench;

/// <summary>
/// The publisher at full speed: mosquitto_pub (mosquitto-clients) in line mode, QoS 1, 2,000 publishes in flight,
/// one pre-serialized payload per line. It stands for many gateways and should cost the shared two cores as little
/// as possible: 100,000 QoS 1 publishes take it ~0.4 s of CPU here, an MQTTnet publisher ~6 s, which the consumer
/// under test would otherwise have to share. Compact JSON has no raw newlines, so a line is exactly one payload.
/// </summary>
internal sealed class MqttFirehose(MosquittoProcess broker)
{
    public const string Binary = "/usr/bin/mosquitto_pub";
    private const int Window = 2000;

    // mosquitto_pub 2.0.11 in line mode now and then loses its stream: the broker logs "Client … disconnected due to
    // out of memory" (with 22 GB free, no subscriber, any -M, MQTT 3.1.1 or 5, persistence on or off: about one
    // 100,000-line stream in six here) and mosquitto_pub still exits 0, the rest of its input never sent. So the
    // stream goes out in chunks, each under its own client id, and a chunk the broker dropped is sent again whole.
    // Re-sent readings are the same readings (same ids and timestamps): the counts stay exact, the work grows a little.
    private const int ChunkLines = 25_000;
    private const int AttemptsPerChunk = 5;
    private int _streams;

    /// <summary>Lines sent again after the broker dropped the publisher (0 in a clean run).</summary>
    public int Resent { get; private set; }

    /// <summary>Publishes every payload at least once; throws if a chunk cannot be got through.</summary>
    public async Task PublishAsync(string topic, IReadOnlyList<byte[]> payloads)
    {
        foreach (var chunk in payloads.Chunk(ChunkLines))
        {
            for (var attempt = 1; ; attempt++)
            {
                var clientId = string.Create(CultureInfo.InvariantCulture, $"bench-publisher-{broker.Port}-{++_streams}");
                await PublishChunkAsync(topic, chunk, clientId);
                var dropped = broker.Output.Split('\n').FirstOrDefault(line => line.Contains($"{clientId} disconnected due to", StringComparison.Ordinal));
                if (dropped is null)
                {
                    break;
                }

                if (attempt == AttemptsPerChunk)
                {
                    throw new InvalidOperationException($"mosquitto dropped the publisher {attempt} times on one chunk: {dropped.Trim()}");
                }

                Resent += chunk.Length;
            }
        }
    }

    private async Task PublishChunkAsync(string topic, byte[][] chunk, string clientId)
    {
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-h", "127.0.0.1", "-p", broker.Port.ToString(CultureInfo.InvariantCulture), "-V", "mqttv5",
                     "-q", "1", "-M", Window.ToString(CultureInfo.InvariantCulture), "-i", clientId, "-t", topic, "-l"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Binary}");
        var errors = process.StandardError.ReadToEndAsync();
        await using (var input = process.StandardInput.BaseStream)
        {
            foreach (var payload in chunk)
            {
                await input.WriteAsync(payload);
                input.WriteByte((byte)'\n');
            }
        }

        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"mosquitto_pub exited with {process.ExitCode}: {(await errors).Trim()}");
        }
    }
}
