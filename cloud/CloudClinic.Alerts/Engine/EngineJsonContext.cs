using System.Text.Json.Serialization;

namespace CloudClinic.Alerts.Engine;

/// <summary>The JSON columns of an alert (reading ids, values, flags), source-generated like the wire contract.</summary>
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(Dictionary<string, double>))]
internal sealed partial class EngineJsonContext : JsonSerializerContext;
