using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudClinic.Ingestion.Admin;

/// <summary>Source-generated JSON for the admin API (camelCase like the wire contract; no reflection, trim-safe).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DeadLetterPage))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
