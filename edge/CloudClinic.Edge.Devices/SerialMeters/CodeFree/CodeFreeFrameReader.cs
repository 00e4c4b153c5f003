namespace CloudClinic.Edge.Devices.SerialMeters.CodeFree;

/// <summary>
/// SD CodeFree packets: <c>53</c>, direction (<c>20</c>/<c>10</c>), length, message, XOR, <c>AA</c> at the position
/// the length announces; anything else (the stray leading 0x00 some adapters deliver) is skipped byte by byte.
/// The XOR is left to <see cref="CodeFreeParser"/>, which rejects with a reason.
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

        return candidate[total - 1] == CodeFreeParser.End ? total : -1;
    }
}
