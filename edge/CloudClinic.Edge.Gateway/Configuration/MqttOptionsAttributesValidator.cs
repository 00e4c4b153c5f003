using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway.Configuration;

/// <summary>
/// The validation attributes of <see cref="MqttOptions"/> ([Required], [Range], ...), checked by code the options source
/// generator writes at build time: no reflection over the attributes, so the NativeAOT build validates exactly as the
/// JIT build does (ValidateDataAnnotations is reflection-based and not trim-safe, IL2026).
/// </summary>
[OptionsValidator]
internal sealed partial class MqttOptionsAttributesValidator : IValidateOptions<MqttOptions>;
