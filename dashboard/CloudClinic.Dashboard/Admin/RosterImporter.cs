using System.Text;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.Admin;

/// <summary>
/// The CSV roster import (docs/roster-import.md). Every row is validated first; rows with a problem are reported and
/// left out, and all the good rows are written in one transaction — all of them or, if the database fails, none.
/// A row whose national ID is already registered in the clinic updates that patient (found by the keyed lookup hash),
/// so importing the same file twice changes nothing. A dry run validates and reports without writing.
/// </summary>
internal sealed class RosterImporter(RegistryDatabase database, PatientEditor editor, TimeProvider time)
{
    public const int MaxRows = 10_000;
    public const int MaxBytes = 5 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async Task<ImportReport> ImportAsync(string clinicId, byte[] file, bool dryRun, string by, CancellationToken ct)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(file);
        }
        catch (DecoderFallbackException)
        {
            return Refused(dryRun, 0, "", FieldErrors.NotUtf8);
        }

        var records = CsvReader.Read(text, out var badRow);
        if (records is null)
        {
            return Refused(dryRun, badRow, "", FieldErrors.MalformedCsv);
        }

        if (records.Count == 0)
        {
            return Refused(dryRun, 0, "", FieldErrors.Empty);
        }

        var header = records[0];
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var headerErrors = new List<FieldProblem>();
        for (var i = 0; i < header.Fields.Count; i++)
        {
            if (RosterColumns.Find(header.Fields[i]) is { } column && !columns.TryAdd(column, i))
            {
                headerErrors.Add(FieldProblem.From(header.Row, new FieldError(column, FieldErrors.DuplicateColumn)));
            }
        }

        headerErrors.AddRange(RosterColumns.Required.Where(c => !columns.ContainsKey(c))
            .Select(c => FieldProblem.From(header.Row, new FieldError(c, FieldErrors.MissingColumn))));
        if (records.Count - 1 > MaxRows)
        {
            headerErrors.Add(FieldProblem.From(0, new FieldError("", FieldErrors.TooManyRows)));
        }

        if (headerErrors.Count > 0)
        {
            return new ImportReport(dryRun, records.Count - 1, 0, 0, records.Count - 1, headerErrors);
        }

        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var clinic = await editor.ContextAsync(db, clinicId, ct) ?? throw new InvalidOperationException($"clinic {clinicId} is not registered");
        var plan = await new RosterImportPlan(editor, clinic).BuildAsync(db, records.Skip(1), header.Fields.Count, columns, ct);
        var created = plan.Rows.Count(r => r.Existing is null);
        var updated = plan.Rows.Count - created;
        if (!dryRun && plan.Rows.Count > 0)
        {
            await WriteAsync(db, clinicId, plan, by, ct);
        }

        var rejected = plan.Errors.Select(e => e.Row).Distinct().Count();
        return new ImportReport(dryRun, records.Count - 1, created, updated, rejected, plan.Errors);
    }

    private async Task WriteAsync(RegistryDbContext db, string clinicId, RosterImportPlan plan, string by, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var row in plan.Rows)
        {
            var patient = row.Existing;
            if (patient is null)
            {
                patient = editor.NewPatient(clinicId);
                db.Patients.Add(patient);
            }

            await editor.ApplyAsync(db, patient, row.Fields, ct);
            db.Audit.Add(AdminAudit.Entry(now, by, row.Existing is null ? "admin.patient.imported" : "admin.patient.reimported", "patient", patient.Id, clinicId));
        }

        db.Audit.Add(AdminAudit.Entry(now, by, "admin.roster.imported", "clinic", clinicId, clinicId,
            $"rows={plan.Rows.Count + plan.Errors.Select(e => e.Row).Distinct().Count()} written={plan.Rows.Count} rejected={plan.Errors.Select(e => e.Row).Distinct().Count()}"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static ImportReport Refused(bool dryRun, int row, string column, string code) =>
        new(dryRun, 0, 0, 0, 0, [FieldProblem.From(row, new FieldError(column, code))]);
}
