using CloudClinic.Testing;

namespace CloudClinic.Edge.Faults.Tests;

/// <summary>
/// A fact that is skipped, with the reason, where a network namespace cannot be made (not root, no iproute2). On this
/// machine and in CI (root, iproute2 installed by .ci/run) it runs. xunit 2 decides skips at discovery, hence the probe here.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NetworkNamespaceFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Unsupported = new(() => NetworkNamespace.FindUnsupportedReasonAsync().GetAwaiter().GetResult());

    public NetworkNamespaceFactAttribute()
    {
        if (Unsupported.Value is { } reason)
        {
            Skip = $"needs a network namespace: {reason}";
        }
    }
}
