namespace CloudClinic.Dashboard.ApiKeys;

/// <summary>Why a presented key was refused (logged; the key itself never is).</summary>
internal enum ApiKeyRefusal
{
    None,
    Malformed,
    Unknown,
    WrongSecret,
    Revoked,
}
