using System.Globalization;
using System.Text;

namespace CloudClinic.Edge.Simulator;

/// <summary>
/// An Abbott FreeStyle Optium answering <c>$xmem</c> (the whole memory, closed by <c>0xHHHH  END</c>: the 16-bit sum
/// of every byte before it) and <c>$colq</c> (status with the clock, closed by <c>CMD OK</c>), as documented in
/// glucometer-protocols abbott/freestyle-optium.md.
/// </summary>
internal sealed class FreeStyleOptiumMeter(MeterPort port)
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
            while ((end = (text = pending.ToString()).IndexOf('\n', StringComparison.Ordinal)) >= 0)
            {
                pending.Remove(0, end + 1);
                switch (text[..end].Trim('\r', ' '))
                {
                    case "$xmem" when port.UnplugDue():
                        var dump = Dump();
                        await port.SendAsync(dump.AsMemory(0, dump.Length / 2), cancellationToken);
                        throw new MeterUnpluggedException(port.Memory.Count / 2);
                    case "$xmem":
                        await port.SendAsync(Dump(), cancellationToken);
                        await port.ReportDumpAsync(++dumps, port.Memory.Count);
                        break;
                    case "$colq":
                        var now = port.MeterNow();
                        await port.SendAsync(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"S/N:\t{port.Arguments.Serial}\r\nClock:\t{now:MMM}  {now:dd yyyy}\t{now:HH:mm:ss}\r\nCMD OK\r\n")), cancellationToken);
                        break;
                    default:
                        break;
                }
            }
        }
    }

    private byte[] Dump()
    {
        var now = port.MeterNow();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"\r\n{port.Arguments.Serial}\r\n4.00\r\n{Month(now)} {now:dd yyyy HH:mm:ss}\r\n{port.Memory.Count:D3}\r\n");
        var fault = FrameFault.None;
        for (var i = 0; i < port.Memory.Count; i++)
        {
            fault = fault == FrameFault.None ? port.FaultFor(i) : fault;
            var result = port.Memory[i];
            var line = string.Create(CultureInfo.InvariantCulture, $"{result.GlucoseMgdL:D3}  {Month(result.MeterLocalTime)} {result.MeterLocalTime:dd yyyy HH:mm} G 0x00\r\n");
            if (fault == FrameFault.Truncated)
            {
                // The cable drops the rest of the dump, END line included.
                text.Append(line.AsSpan(0, line.Length / 2));
                return Encoding.ASCII.GetBytes(text.ToString());
            }

            text.Append(line);
        }

        var body = Encoding.ASCII.GetBytes(text.ToString());
        ushort sum = 0;
        foreach (var b in body)
        {
            sum += b;
        }

        if (fault == FrameFault.BadChecksum)
        {
            sum ^= 0x5A5A;
        }
        else if (fault == FrameFault.Garbled)
        {
            body[body.Length / 2] |= 0x80;
        }

        return [.. body, .. Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"0x{sum:X4}  END\r\n"))];
    }

    /// <summary>Three letters and a space, except June and July (glucometer-protocols "month2").</summary>
    private static string Month(DateTime at) => at.Month switch
    {
        6 => "June",
        7 => "July",
        _ => at.ToString("MMM", CultureInfo.InvariantCulture) + " ",
    };
}
