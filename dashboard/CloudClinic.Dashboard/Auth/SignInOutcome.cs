using CloudClinic.Registry.Model;

namespace CloudClinic.Dashboard.Auth;

/// <summary>Result of a password check: the user on success, otherwise why not (locked out is told apart so the page can say so).</summary>
internal sealed record SignInOutcome(User? User, bool LockedOut)
{
    public static readonly SignInOutcome Invalid = new(null, false);

    public static readonly SignInOutcome Locked = new(null, true);
}
