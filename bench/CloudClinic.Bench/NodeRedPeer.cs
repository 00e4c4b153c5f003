using System.Globalization;
using System.Text.Json.Nodes;
using CloudClinic.Testing;

namespace CloudClinic.Bench;

/// <summary>
/// The peer: Node-RED 4.1 with node-red-contrib-influxdb 0.7, the flow a Node-RED user would build for this job —
/// MQTT in (QoS 1, JSON) → function (reading → the ingest's point) → join (500 messages or 1 s) → flatten → InfluxDB batch out
/// (v1, ms precision), on the same broker and database server. Its MQTT node acknowledges on arrival.
/// </summary>
internal static class NodeRedPeer
{
    private const int JoinCount = 500;

    // The same point as the ingest's (DESIGN.md §4: the tags, and every wire field of §3), so both pay influxd the
    // same per point: with 4 of the 12 fields this flow cost influxd a third of the ingest's CPU per reading.
    private const string ToPoints = """
        const readings = Array.isArray(msg.payload) ? msg.payload : [msg.payload];
        const present = o => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));
        msg.payload = readings.map(r => ({
            measurement: r.kind === "glucose" ? "glucose" : "blood_pressure",
            tags: present({ clinic: r.clinicId, gateway: r.gatewayId, patient: r.patientId || "unassigned",
                device_model: r.device.model, station: r.station, meal: r.kind === "glucose" ? r.meal : undefined }),
            fields: present({ reading_id: r.readingId, measured_at: r.measuredAt, received_at: r.receivedAt,
                clock_source: r.clockSource, device_serial: r.device.serial, device_transport: r.device.transport,
                device_protocol: r.device.protocol, flags: r.flags && r.flags.length ? r.flags.join(",") : undefined,
                systolic: r.systolic, diastolic: r.diastolic, mean_arterial: r.meanArterial, pulse: r.pulse,
                original_unit: r.originalUnit, mmol_l: r.mmolL, mgdl: r.mgdL, sample: r.sample, out_of_range: r.outOfRange }),
            timestamp: new Date(r.measuredAt)
        }));
        return msg;
        """;

    public static async Task<ChildProcess> StartAsync(string nodeRedDir, int mqttPort, Uri influx, string database)
    {
        var userDir = Directory.CreateTempSubdirectory("cloudclinic-bench-node-red-").FullName;
        Directory.CreateSymbolicLink(Path.Combine(userDir, "node_modules"), Path.Combine(nodeRedDir, "node_modules"));
        var uiPort = FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(Path.Combine(userDir, "settings.js"),
            $"module.exports = {{ uiHost: \"127.0.0.1\", uiPort: {uiPort}, flowFile: \"flows.json\", credentialSecret: false, " +
            "logging: { console: { level: \"info\" } } };");
        await File.WriteAllTextAsync(Path.Combine(userDir, "flows.json"), Flow(mqttPort, influx, database).ToJsonString());
        var redJs = Path.Combine(nodeRedDir, "node_modules", "node-red", "red.js");
        var process = ChildProcess.Start("node", [redJs, "--userDir", userDir, "--settings", Path.Combine(userDir, "settings.js")], workingDirectory: userDir);
        await process.WaitForOutputAsync("Connected to broker", TimeSpan.FromSeconds(60));
        return process;
    }

    private static JsonArray Flow(int mqttPort, Uri influx, string database) =>
    [
        new JsonObject { ["id"] = "bench0000000001", ["type"] = "tab", ["label"] = "bench" },
        new JsonObject
        {
            ["id"] = "bench0000000002", ["type"] = "mqtt-broker", ["name"] = "bench", ["broker"] = "127.0.0.1",
            ["port"] = mqttPort.ToString(CultureInfo.InvariantCulture), ["clientid"] = "node-red-bench", ["autoConnect"] = true,
            ["usetls"] = false, ["protocolVersion"] = "4", ["keepalive"] = "60", ["cleansession"] = true,
        },
        new JsonObject
        {
            ["id"] = "bench0000000003", ["type"] = "mqtt in", ["z"] = "bench0000000001", ["name"] = "readings", ["topic"] = "cloudclinic/v1/+/+/readings",
            ["qos"] = "1", ["datatype"] = "json", ["broker"] = "bench0000000002", ["nl"] = false, ["rap"] = true, ["rh"] = 0, ["inputs"] = 0,
            ["wires"] = new JsonArray(new JsonArray("bench0000000004")),
        },
        new JsonObject
        {
            ["id"] = "bench0000000004", ["type"] = "function", ["z"] = "bench0000000001", ["name"] = "to points", ["func"] = ToPoints, ["outputs"] = 1,
            ["wires"] = new JsonArray(new JsonArray("bench0000000005")),
        },
        new JsonObject
        {
            ["id"] = "bench0000000005", ["type"] = "join", ["z"] = "bench0000000001", ["name"] = "batch", ["mode"] = "custom", ["build"] = "array",
            ["property"] = "payload", ["propertyType"] = "msg", ["key"] = "topic", ["joiner"] = "\\n", ["joinerType"] = "str",
            ["accumulate"] = false, ["timeout"] = "1", ["count"] = JoinCount.ToString(CultureInfo.InvariantCulture), ["reduceRight"] = false,
            ["wires"] = new JsonArray(new JsonArray("bench0000000006")),
        },
        new JsonObject
        {
            ["id"] = "bench0000000006", ["type"] = "function", ["z"] = "bench0000000001", ["name"] = "flatten", ["func"] = "msg.payload = msg.payload.flat();\nreturn msg;",
            ["outputs"] = 1, ["wires"] = new JsonArray(new JsonArray("bench0000000007")),
        },
        new JsonObject
        {
            ["id"] = "bench0000000007", ["type"] = "influxdb batch", ["z"] = "bench0000000001", ["influxdb"] = "bench0000000008", ["precision"] = "ms",
            ["retentionPolicy"] = "", ["name"] = "influx out", ["database"] = "", ["precisionV18FluxV20"] = "ms",
            ["retentionPolicyV18Flux"] = "", ["org"] = "", ["bucket"] = "", ["wires"] = new JsonArray(),
        },
        new JsonObject
        {
            ["id"] = "bench0000000008", ["type"] = "influxdb", ["hostname"] = influx.Host, ["port"] = influx.Port.ToString(CultureInfo.InvariantCulture),
            ["protocol"] = "http", ["database"] = database, ["name"] = "bench", ["usetls"] = false, ["tls"] = "",
            ["influxdbVersion"] = "1.x", ["url"] = "", ["rejectUnauthorized"] = false,
        },
    ];
}
