using Microsoft.Extensions.Options;

namespace CloudClinic.Dashboard.Configuration;

/// <summary>Checks what data annotations cannot: that <c>Dashboard:TimeZone</c> names a zone this machine knows.</summary>
internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.TimeZone))
        {
            // Reported by [Required].
            return ValidateOptionsResult.Skip;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Dashboard:TimeZone '{options.TimeZone}' is not a time zone known to this machine (use an IANA id such as Asia/Shanghai).");
    }
}
