namespace CloudClinic.Dashboard.Admin;

/// <summary>
/// One problem with what an admin sent: <see cref="Row"/> is the CSV row (1 = header; 0 for a form or the whole file),
/// <see cref="Column"/> a <see cref="RosterColumns"/> name or request field, <see cref="Code"/> a <see cref="FieldErrors"/> code.
/// </summary>
internal sealed record FieldProblem(int Row, string Column, string Code, string Reason)
{
    public static FieldProblem From(int row, FieldError error) => new(row, error.Column, error.Code, FieldErrors.Reason(error.Code));

    public static FieldProblem[] From(IEnumerable<FieldError> errors) => errors.Select(e => From(0, e)).ToArray();
}
