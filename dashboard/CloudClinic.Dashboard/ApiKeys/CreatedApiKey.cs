namespace CloudClinic.Dashboard.ApiKeys;

/// <summary>A new key: <see cref="Key"/> is shown this once and cannot be recovered later (only its hash is kept).</summary>
internal sealed record CreatedApiKey(ApiKeyInfo Info, string Key);
