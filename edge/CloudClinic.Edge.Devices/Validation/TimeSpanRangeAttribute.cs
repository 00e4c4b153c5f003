using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CloudClinic.Edge.Devices.Validation;

/// <summary>
/// A <see cref="TimeSpan"/> option between two bounds (<c>[d.]hh:mm:ss[.fff]</c>, invariant culture). Stands in for
/// <c>[Range(typeof(TimeSpan), min, max)]</c>, whose constructor is not trim-safe (IL2026: it converts the bounds with
/// a TypeConverter found by reflection); the gateway ships as a NativeAOT binary. Works with the options source
/// generator (<c>[OptionsValidator]</c>) and with reflection-based DataAnnotations alike.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class TimeSpanRangeAttribute : ValidationAttribute
{
    public TimeSpanRangeAttribute(string minimum, string maximum)
        : base("The field {0} must be between {1} and {2}.")
    {
        Minimum = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);
        Maximum = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);
        if (Minimum > Maximum)
        {
            throw new ArgumentException($"minimum {minimum} is above maximum {maximum}", nameof(minimum));
        }
    }

    public TimeSpan Minimum { get; }

    public TimeSpan Maximum { get; }

    /// <summary>Null passes, as with [Range]: [Required] says whether a value must be there.</summary>
    public override bool IsValid(object? value) =>
        value is null || (value is TimeSpan span && span >= Minimum && span <= Maximum);

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.CurrentCulture, ErrorMessageString, name,
            Minimum.ToString("c", CultureInfo.InvariantCulture), Maximum.ToString("c", CultureInfo.InvariantCulture));
}
