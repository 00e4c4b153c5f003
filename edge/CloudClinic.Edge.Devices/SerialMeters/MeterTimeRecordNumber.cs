namespace CloudClinic.Edge.Devices.SerialMeters;

/// <summary>
/// A record number for meters that have none on the wire (OneTouch Ultra 2, FreeStyle Optium, TaiDoc, CodeFree): the
/// meter's own timestamp as seconds (or minutes) since 2000-01-01. Their dumps are positional — index 0 is the
/// newest, so positions shift with every new test — while the timestamp stays put, so the readingId built from it is
/// the same on every dump (DESIGN.md §5: serial + meter timestamp + kind, + value when the meter has no seconds).
/// </summary>
public static class MeterTimeRecordNumber
{
    private static readonly DateTime Epoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public static long From(DateTime meterLocalTime, bool hasSeconds)
    {
        var seconds = (long)(meterLocalTime - Epoch).TotalSeconds;
        return hasSeconds ? seconds : seconds / 60;
    }
}
