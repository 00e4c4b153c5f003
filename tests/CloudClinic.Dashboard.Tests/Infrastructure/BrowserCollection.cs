namespace CloudClinic.Dashboard.Tests.Infrastructure;

/// <summary>
/// Browser test classes run one after the other: each starts Chromium, a broker and a Kestrel host, and two of those
/// at once on the 2 shared CI cores starve the relay probe. Each class still gets its own <see cref="BrowserFixture"/>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection
{
    public const string Name = "browser";
}
