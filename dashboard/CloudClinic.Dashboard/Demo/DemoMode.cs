namespace CloudClinic.Dashboard.Demo;

/// <summary>The <c>--demo</c> switch, as configuration (<c>Demo:Enabled</c>) so tests and env vars can set it too.</summary>
internal static class DemoMode
{
    public const string Switch = "--demo";

    /// <summary>
    /// Rewrites <c>--demo</c> to <c>--Demo:Enabled=true</c>. Left as is, the command-line provider would read the next
    /// argument as its value (<c>--demo --urls http://…</c> would swallow <c>--urls</c>).
    /// </summary>
    public static string[] Translate(string[] args) =>
        [.. args.Select(arg => string.Equals(arg, Switch, StringComparison.OrdinalIgnoreCase) ? $"--{DemoOptions.SectionName}:{nameof(DemoOptions.Enabled)}=true" : arg)];
}
