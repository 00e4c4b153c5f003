using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudClinic.Edge.Gateway.CheckIn;

/// <summary>Source-generated JSON for the kiosk endpoints (trimming/NativeAOT safe), camelCase; a missing or null field is a bad request, not a null.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(KioskState))]
[JsonSerializable(typeof(IReadOnlyList<KioskPatient>))]
[JsonSerializable(typeof(KioskCheckInRequest))]
[JsonSerializable(typeof(KioskCheckOutRequest))]
[JsonSerializable(typeof(KioskCheckInResult))]
internal sealed partial class CheckInJsonContext : JsonSerializerContext;
