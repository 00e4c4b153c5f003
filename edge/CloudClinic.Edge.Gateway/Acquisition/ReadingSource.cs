namespace CloudClinic.Edge.Gateway.Acquisition;

/// <summary>Where a reading was taken: gateway identity, station and the meter's attachment.</summary>
internal sealed record ReadingSource(string ClinicId, string GatewayId, string? Station, string Model, string Transport);
