using CloudClinic.Edge.Bluetooth.BlueZ;
using CloudClinic.Edge.Bluetooth.Gatt;
using Microsoft.Extensions.Logging;
using Tmds.DBus.Protocol;

namespace CloudClinic.Edge.Bluetooth.Sessions;

/// <summary>
/// Compares the meter's Current Time (0x2A2B) with the gateway's clock and flags a drift over the limit, then sets
/// the meter's clock when it allows writing. Year 0 is "unset", never a time. Records already stored in the meter
/// were stamped by the old clock, so the flag stays on for this session's records.
/// </summary>
internal static class MeterClockCheck
{
    public static async Task RunAsync(GattLink link, SessionContext context, ILogger logger)
    {
        if (link.Find(GattUuid.CurrentTime) is not { } currentTime)
        {
            return;
        }

        var address = context.Meter.Address;
        if (currentTime.CanRead)
        {
            try
            {
                var value = await link.ReadAsync(currentTime).ConfigureAwait(false);
                if (!CurrentTimeCodec.TryDecode(value, out var meterLocal, out var error))
                {
                    Log.ClockUnreadable(logger, address, error);
                }
                else if (meterLocal is null)
                {
                    Log.ClockUnset(logger, address);
                }
                else
                {
                    var offset = meterLocal.Value - context.TimeProvider.GetLocalNow().DateTime;
                    context.MeterClockOffset = offset;
                    if (offset.Duration() > context.Options.ClockDriftLimit)
                    {
                        context.ClockDrift = true;
                        Log.ClockDrift(logger, address, offset.TotalSeconds, context.Options.ClockDriftLimit.TotalSeconds);
                    }
                }
            }
            catch (DBusErrorReplyException e)
            {
                Log.ClockUnreadable(logger, address, e.ErrorMessage);
            }
        }

        if (context.Options.WriteCurrentTime && currentTime.CanWrite)
        {
            await link.WriteAsync(currentTime, CurrentTimeCodec.Encode(context.TimeProvider.GetLocalNow().DateTime)).ConfigureAwait(false);
            Log.ClockWritten(logger, address);
        }
    }
}
