using CloudClinic.Edge.Bluetooth.Gatt;
using CloudClinic.Edge.Devices.BloodPressure;
using Microsoft.Extensions.Logging;

namespace CloudClinic.Edge.Bluetooth.Sessions;

/// <summary>
/// Blood Pressure Profile collector (BLP 1.1): indications on Blood Pressure Measurement 0x2A35, each decoded with
/// the station's quirk profile and committed before the next is read. Intermediate Cuff Pressure 0x2A36 is progress
/// while the cuff inflates: recognised, counted, never a reading. Meters send stored measurements right after the
/// indication is enabled and then disconnect; the session also ends after <see cref="BleMeterOptions.IdleTimeout"/>.
/// </summary>
internal static class BloodPressureSession
{
    public static async Task<string> RunAsync(GattLink link, SessionContext context, BloodPressureQuirks quirks, ILogger logger, CancellationToken cancellationToken)
    {
        var measurement = link.Require(BloodPressureMeasurementParser.CharacteristicUuid);
        if (link.Find(IntermediateCuffPressureParser.CharacteristicUuid) is { } cuff)
        {
            await link.StartNotifyAsync(cuff).ConfigureAwait(false);
        }

        await link.StartNotifyAsync(measurement).ConfigureAwait(false);
        while (true)
        {
            var next = await link.NextAsync(context.Options.IdleTimeout, cancellationToken).ConfigureAwait(false);
            switch (next.Kind)
            {
                case GattEventKind.Disconnected:
                    return "the meter disconnected";
                case GattEventKind.Timeout:
                    return $"no measurement for {context.Options.IdleTimeout}";
                case GattEventKind.Value when next.Characteristic == IntermediateCuffPressureParser.CharacteristicUuid:
                    context.CuffPressureIgnored++;
                    break;
                case GattEventKind.Value when next.Characteristic == BloodPressureMeasurementParser.CharacteristicUuid:
                    if (BloodPressureMeasurementParser.TryParse(next.Value, quirks, out var m, out var error))
                    {
                        var record = m.ToRecord(context.Meter.Serial, 0, context.MeterUtcOffset);
                        await context.CommitAsync(record, null, next.Value, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        Log.Rejected(logger, context.Meter.Address, next.Characteristic, error);
                        await context.RejectAsync(next.Characteristic, error, next.Value, null, cancellationToken).ConfigureAwait(false);
                    }

                    break;
            }
        }
    }
}
