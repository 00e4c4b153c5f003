using CloudClinic.Registry.Model;

namespace CloudClinic.Dashboard.ApiKeys;

/// <summary>Outcome of checking a presented key: the registry row when accepted, else why not and which id was claimed.</summary>
internal sealed record ApiKeyCheck(ApiKey? Key, ApiKeyRefusal Refusal, string? ClaimedId);
