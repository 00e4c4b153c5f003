namespace CloudClinic.Dashboard.Admin;

/// <summary>A new password, in this one response only: the registry keeps its hash, the admin hands it over.</summary>
internal sealed record IssuedPassword(string UserId, string Password)
{
    public override string ToString() => $"IssuedPassword {{ UserId = {UserId} }}";
}
