using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudClinic.Edge.Gateway.LocalPage;

/// <summary>Source-generated JSON for the page (trimming/NativeAOT safe), camelCase like the wire contract.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(LocalPageStatus))]
internal sealed partial class LocalPageJsonContext : JsonSerializerContext;
