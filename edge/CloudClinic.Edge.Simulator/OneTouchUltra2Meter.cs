using System.Globalization;
using System.Text;
using CloudClinic.Contracts;

namespace CloudClinic.Edge.Simulator;

/// <summary>
/// A LifeScan OneTouch Ultra 2 answering <c>DM@</c>, <c>DMF</c> and <c>DMP</c> like the real meter (LifeScan RS-232
/// protocol; lines end with a space and the 16-bit sum of the bytes before it).
/// </summary>
internal sealed class OneTouchUltra2Meter(MeterPort port)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[256];
        var pending = new StringBuilder();
        var dumps = 0;
        while (port.Arguments.Sessions == 0 || dumps < port.Arguments.Sessions)
        {
            var count = await port.ReadAsync(buffer, cancellationToken);
            if (count == 0)
            {
                return;
            }

            pending.Append(Encoding.ASCII.GetString(buffer, 0, count));
            string text;
            int end;
            while ((end = (text = pending.ToString()).IndexOf('\r', StringComparison.Ordinal)) >= 0)
            {
                pending.Remove(0, end + 1);
                var command = text[..end].Trim('\u0011', '\n', ' ');
                switch (command)
                {
                    case "DM@":
                        await SendLineAsync($"@ \"{port.Arguments.Serial}\"", cancellationToken);
                        break;
                    case "DMF":
                        await SendLineAsync($"F {DateFields(port.MeterNow())}", cancellationToken);
                        break;
                    case "DMP":
                        await DumpAsync(cancellationToken);
                        await port.ReportDumpAsync(++dumps, port.Memory.Count);
                        break;
                    default:
                        break;
                }
            }
        }
    }

    private async Task DumpAsync(CancellationToken cancellationToken)
    {
        await SendLineAsync(string.Create(CultureInfo.InvariantCulture, $"P {port.Memory.Count:D3},\"{port.Arguments.Serial}\",\"MG/DL \""), cancellationToken);
        for (var i = 0; i < port.Memory.Count; i++)
        {
            var fault = port.FaultFor(i);
            var result = port.Memory[i];
            var meal = result.Meal switch
            {
                MealContexts.Preprandial => "B",
                MealContexts.Postprandial => "A",
                _ => "N",
            };
            var body = string.Create(CultureInfo.InvariantCulture, $"P {DateFields(result.MeterLocalTime)},\"  {result.GlucoseMgdL:D3} \",\"{meal}\",\"00\", 00");
            await port.SendAsync(Damage(Line(body), fault), cancellationToken);
        }
    }

    private Task SendLineAsync(string body, CancellationToken cancellationToken) => port.SendAsync(Line(body), cancellationToken);

    private static string DateFields(DateTime at) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{at.ToString("ddd", CultureInfo.InvariantCulture).ToUpperInvariant()}\",\"{at:MM/dd/yy}\",\"{at:HH:mm:ss}   \"");

    private static byte[] Line(string body)
    {
        var bytes = Encoding.ASCII.GetBytes(body);
        ushort sum = 0;
        foreach (var b in bytes)
        {
            sum += b;
        }

        return Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{body} {sum:X4}\r\n"));
    }

    private static byte[] Damage(byte[] line, FrameFault fault)
    {
        var damaged = (byte[])line.Clone();
        switch (fault)
        {
            case FrameFault.Garbled:
                // A byte with its top bit set cuts the line, as a wrong baud rate or EMI would.
                damaged[damaged.Length / 2] |= 0x80;
                return damaged;
            case FrameFault.BadChecksum:
                // The last checksum digit, changed to another hex digit.
                damaged[^3] = damaged[^3] == (byte)'0' ? (byte)'1' : (byte)'0';
                return damaged;
            case FrameFault.Truncated:
                return [.. damaged.AsSpan(0, damaged.Length * 2 / 3), (byte)'\r', (byte)'\n'];
            default:
                return damaged;
        }
    }
}
