namespace CloudClinic.Edge.Gateway.Acquisition;

/// <summary>Where a reading was taken: gateway identity, station, the meter's model and how it is attached and spoken to.</summary>
internal sealed record ReadingSource(string ClinicId, string GatewayId, string? Station, string Model, string Transport, string Protocol);
