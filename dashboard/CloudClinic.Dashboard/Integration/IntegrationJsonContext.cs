using System.Text.Json.Serialization;
using CloudClinic.Dashboard.ApiKeys;

namespace CloudClinic.Dashboard.Integration;

/// <summary>Source-generated JSON for the integration API and the API-key admin calls (camelCase, nulls omitted, as WireJson).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IntegrationPatientPage))]
[JsonSerializable(typeof(IntegrationAlertPage))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(ApiKeyInfo))]
[JsonSerializable(typeof(ApiKeyInfo[]))]
[JsonSerializable(typeof(CreatedApiKey))]
[JsonSerializable(typeof(NewApiKey))]
internal sealed partial class IntegrationJsonContext : JsonSerializerContext;
