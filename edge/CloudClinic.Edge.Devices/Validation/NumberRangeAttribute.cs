using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CloudClinic.Edge.Devices.Validation;

/// <summary>
/// A numeric option between two bounds, inclusive (NaN fails). Stands in for <c>[Range(min, max)]</c> on options checked
/// by the options source generator (<c>[OptionsValidator]</c>, used because the gateway ships as NativeAOT): the
/// generator swaps [Range] for a copy of its own that drops <c>ErrorMessage</c> (dotnet/runtime#123137), and the
/// message must name the configuration key. This attribute is used as written, by the generator and by reflection.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class NumberRangeAttribute(double minimum, double maximum) : ValidationAttribute("The field {0} must be between {1} and {2}.")
{
    public double Minimum { get; } = minimum;

    public double Maximum { get; } = maximum;

    /// <summary>Null passes, as with [Range]: [Required] says whether a value must be there.</summary>
    public override bool IsValid(object? value) => value switch
    {
        null => true,
        IConvertible number => Convert.ToDouble(number, CultureInfo.InvariantCulture) is var x && x >= Minimum && x <= Maximum,
        _ => false,
    };

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.CurrentCulture, ErrorMessageString, name, Minimum, Maximum);
}
