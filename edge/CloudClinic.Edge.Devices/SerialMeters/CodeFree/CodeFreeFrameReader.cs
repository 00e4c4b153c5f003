namespace CloudClinic.Edge.Devices.SerialMeters.CodeFree;

/// <summary>
/// SD CodeFree packets: <c>53</c>, direction (<c>20</c>/<c>10</c>), length, message, XOR, <c>AA</c> at the position
/// the length announces; anything else (the stray leading 0x00 some adapters deliver) is skipped byte by byte.
/// A packet whose XOR fails is skipped the same way: the count packet is mostly <c>AA</c>, so a cut-off packet's
/// length often lines up with an <c>AA</c> inside the next one.
/// </summary>
public sealed class CodeFreeFrameReader() : BinaryFrameReader(CodeFreeParser.MaxFrameLength)
{
    protected override int Match(ReadOnlySpan<byte> candidate)
    {
        if (candidate[0] != CodeFreeParser.Start)
        {
            return -1;
        }

        if (candidate.Length < 2)
        {
            return 0;
        }

        if (candidate[1] is not (CodeFreeParser.MeterToHost or CodeFreeParser.HostToMeter))
        {
            return -1;
        }

        if (candidate.Length < 3)
        {
            return 0;
        }

        var total = 3 + candidate[2];
        if (candidate[2] < 3 || total > CodeFreeParser.MaxFrameLength)
        {
            return -1;
        }

        if (candidate.Length < total)
        {
            return 0;
        }

        if (candidate[total - 1] != CodeFreeParser.End)
        {
            return -1;
        }

        return CodeFreeParser.Xor(candidate[3..(total - 2)]) == candidate[total - 2] ? total : BadChecksum;
    }
}
