using CloudClinic.Contracts;

namespace CloudClinic.Dashboard.Tests.Infrastructure;

/// <summary>The three arguments of one GatewayStatusChanged call.</summary>
public sealed record GatewayStatusPush(string ClinicId, string GatewayId, GatewayStatusMessage Status);
