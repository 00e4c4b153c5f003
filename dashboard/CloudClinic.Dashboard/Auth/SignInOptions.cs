using System.ComponentModel.DataAnnotations;

namespace CloudClinic.Dashboard.Auth;

/// <summary>Sign-in settings (<c>SignIn:*</c>). Defaults follow the OWASP Authentication Cheat Sheet's lockout advice.</summary>
internal sealed class SignInOptions
{
    public const string SectionName = "SignIn";

    [Range(1, 100, ErrorMessage = "SignIn:MaxFailedAttempts must be between 1 and 100.")]
    public int MaxFailedAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "SignIn:LockoutDuration must be between 1 second and 1 day.")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a sign-in lasts without activity (sliding).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "SignIn:SessionLifetime must be between 1 minute and 7 days.")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(10);
}
