using System.Text.Json.Serialization;

namespace CloudClinic.Edge.Status;

/// <summary>Source-generated JSON for <c>status --json</c> (trim/AOT-safe, camelCase like the wire contract).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StatusReport))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;
