using System.Diagnostics;
using System.Globalization;

namespace CloudClinic.Bench;

/// <summary>
/// The publisher at full speed: mosquitto_pub (mosquitto-clients) in line mode, QoS 1, 2,000 publishes in flight,
/// one pre-serialized payload per line. It stands for many gateways and should cost the shared two cores as little
/// as possible: 100,000 QoS 1 publishes take it ~0.4 s of CPU here, an MQTTnet publisher ~6 s, which the consumer
/// under test would otherwise have to share. Compact JSON has no raw newlines, so a line is exactly one payload.
/// </summary>
internal sealed class MqttFirehose(int port)
{
    public const string Binary = "/usr/bin/mosquitto_pub";
    private const int Window = 2000;

    /// <summary>Publishes every payload; throws with mosquitto_pub's own words when it did not get them all out.</summary>
    public async Task PublishAsync(string topic, IReadOnlyList<byte[]> payloads)
    {
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-V", "mqttv5",
                     "-q", "1", "-M", Window.ToString(CultureInfo.InvariantCulture), "-i", $"bench-publisher-{port}", "-t", topic, "-l"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Binary}");
        var errors = process.StandardError.ReadToEndAsync();
        await using (var input = process.StandardInput.BaseStream)
        {
            foreach (var payload in payloads)
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
