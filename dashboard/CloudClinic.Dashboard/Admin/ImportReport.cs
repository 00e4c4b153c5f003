namespace CloudClinic.Dashboard.Admin;

/// <summary>
/// What a roster import did (or, with <see cref="DryRun"/>, would do): data rows read, patients created and updated,
/// rows rejected, and every problem by row and column. Holds no value from the file.
/// </summary>
internal sealed record ImportReport(bool DryRun, int Rows, int Created, int Updated, int Rejected, IReadOnlyList<FieldProblem> Errors);
