namespace CloudClinic.Dashboard.Tests.Admin;

/// <summary>The import report as a client reads it (camelCase JSON).</summary>
public sealed record ImportReportDto(bool DryRun, int Rows, int Created, int Updated, int Rejected, List<FieldProblemDto> Errors);
