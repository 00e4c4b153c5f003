using System.ComponentModel.DataAnnotations;
using System.Net;
using CloudClinic.Edge.Devices.Validation;

namespace CloudClinic.Edge.Gateway.LocalPage;

/// <summary>
/// The gateway's local page (<c>Edge:LocalPage</c>): status and alarms for the clinic, on the Pi itself. Bound to the
/// loopback by default; a clinic that wants it on the LAN (a kiosk or nurse tablet) sets the Pi's LAN address.
/// </summary>
internal sealed class LocalPageOptions : IValidatableObject
{
    public const string SectionName = "Edge:LocalPage";

    /// <summary>Off: no web server at all (a gateway that nobody looks at locally).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>http://{IP address or localhost}:{port}</c>; port 0 picks a free one (tests).</summary>
    public string Url { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Seconds between refreshes of the page.</summary>
    [NumberRange(1, 3600, ErrorMessage = "Edge:LocalPage:RefreshSeconds must be 1-3600")]
    public int RefreshSeconds { get; set; } = 2;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        // One address (or localhost): a host name, '*' or 0.0.0.0 would put patient-facing pages on every network.
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttp
            || uri.AbsolutePath != "/"
            || uri.IsDefaultPort
            || !(uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address)
                && !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any))))
        {
            yield return new ValidationResult(
                $"Edge:LocalPage:Url '{Url}' must be http://<one IP address of this Pi, or localhost>:<port> (not 0.0.0.0), e.g. http://127.0.0.1:8080",
                [nameof(Url)]);
        }
    }
}
