using System.Text.Json;
using System.Text.Json.Serialization;
using CloudClinic.Contracts;

namespace CloudClinic.Dashboard.Api;

/// <summary>
/// Makes HTTP and hub JSON match the wire contract's (docs/wire-contract.md): camelCase, nulls omitted, from the
/// source-generated contexts. The context's own [JsonSourceGenerationOptions] only apply to its own options
/// instance, so the naming and null handling are set here too.
/// </summary>
internal static class WireJson
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.TypeInfoResolverChain.Insert(0, ContractJsonContext.Default);
        options.TypeInfoResolverChain.Insert(1, DashboardJsonContext.Default);
    }
}
