using CloudClinic.Edge.Devices.LineProtocol;
using CloudClinic.Edge.Devices.SerialMeters.CodeFree;
using CloudClinic.Edge.Devices.SerialMeters.FreeStyleOptium;
using CloudClinic.Edge.Devices.SerialMeters.OneTouchUltra2;
using CloudClinic.Edge.Devices.SerialMeters.TaiDoc;

namespace CloudClinic.Edge.Gateway.Configuration;

/// <summary>
/// What the gateway knows about each protocol a station's <c>Protocol</c> key may name: the serial speed the meter
/// uses, the model reported when the meter does not say, and whether the meter tells its serial number.
/// </summary>
internal sealed record StationProtocol(string Name, int BaudRate, string DefaultModel, bool MeterSendsSerial, bool HostInitiated)
{
    public static readonly IReadOnlyList<StationProtocol> All =
    [
        // CCLP/1 adapters: docs/line-protocol.md; each frame carries the meter's serial.
        new(LineProtocolParser.ProtocolName, 9600, "cclp1-meter", MeterSendsSerial: true, HostInitiated: false),
        // LifeScan OneTouch Ultra 2 RS-232 protocol: 9600 8N1.
        new(OneTouchUltra2Parser.ProtocolName, 9600, "LifeScan OneTouch Ultra 2", MeterSendsSerial: true, HostInitiated: true),
        // glucometer-protocols abbott/freestyle-optium.md: 19200 8N1.
        new(FreeStyleOptiumParser.ProtocolName, 19200, "Abbott FreeStyle Optium", MeterSendsSerial: true, HostInitiated: true),
        // glucometer-protocols taidoc/td42xx.md: 19200 8N1; no serial-number command is documented.
        new(TaiDocParser.ProtocolName, 19200, "TaiDoc TD-42xx", MeterSendsSerial: false, HostInitiated: true),
        // glucometer-protocols sd-biosensor/codefree.md: 38400 8N1; meter-initiated, no serial on the wire.
        new(CodeFreeParser.ProtocolName, 38400, "SD CodeFree", MeterSendsSerial: false, HostInitiated: false),
    ];

    public static string Names => string.Join(", ", All.Select(p => p.Name));

    public static StationProtocol? Find(string? name) => All.FirstOrDefault(p => p.Name == name);
}
