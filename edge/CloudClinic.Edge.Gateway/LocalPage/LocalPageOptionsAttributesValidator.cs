using Microsoft.Extensions.Options;

namespace CloudClinic.Edge.Gateway.LocalPage;

/// <summary>
/// The validation attributes of <see cref="LocalPageOptions"/> ([Range]) and its own
/// <see cref="System.ComponentModel.DataAnnotations.IValidatableObject.Validate"/> (the URL rule), called by code the
/// options source generator writes at build time: no reflection, so the NativeAOT build validates exactly as the JIT
/// build does (ValidateDataAnnotations is reflection-based and not trim-safe, IL2026).
/// </summary>
[OptionsValidator]
internal sealed partial class LocalPageOptionsAttributesValidator : IValidateOptions<LocalPageOptions>;
