using System.ComponentModel.DataAnnotations;

namespace CloudClinic.Dashboard.ApiKeys;

/// <summary>
/// <c>POST /api/api-keys</c> body: a name for the integration and its clinic; no clinic (county admins only) makes a
/// county-wide key.
/// </summary>
internal sealed record NewApiKey([property: MaxLength(ApiKeyStore.MaxNameLength)] string? Name, string? ClinicId);
