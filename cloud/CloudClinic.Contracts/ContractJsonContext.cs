using System.Text.Json.Serialization;

namespace CloudClinic.Contracts;

/// <summary>Source-generated JSON for every wire type: camelCase, nulls omitted, no reflection (AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ReadingMessage))]
[JsonSerializable(typeof(ReadingMessage[]))]
[JsonSerializable(typeof(GatewayStatusMessage))]
[JsonSerializable(typeof(GatewayCommandMessage))]
[JsonSerializable(typeof(AlertEventMessage))]
[JsonSerializable(typeof(RosterMessage))]
public sealed partial class ContractJsonContext : JsonSerializerContext;
