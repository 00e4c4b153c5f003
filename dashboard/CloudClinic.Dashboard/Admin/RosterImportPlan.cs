using CloudClinic.Contracts;
using CloudClinic.Registry;
using Microsoft.EntityFrameworkCore;

namespace CloudClinic.Dashboard.Admin;

/// <summary>
/// Validates every row of a roster file against the clinic and the registry and decides create or update per row;
/// writes nothing. A national ID or card code repeated in the file is reported on the later row.
/// </summary>
internal sealed class RosterImportPlan(PatientEditor editor, ClinicContext clinic)
{
    public List<RosterImportRow> Rows { get; } = [];

    public List<FieldProblem> Errors { get; } = [];

    public async Task<RosterImportPlan> BuildAsync(
        RegistryDbContext db, IEnumerable<CsvRecord> records, int headerFields, IReadOnlyDictionary<string, int> columns, CancellationToken ct)
    {
        var candidates = new List<(int Row, PatientFields Fields, string Lookup, string? CardHash)>();
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        var seenCards = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (record.Fields.Count > headerFields)
            {
                Errors.Add(FieldProblem.From(record.Row, new FieldError("", FieldErrors.FieldCount)));
                continue;
            }

            string? Cell(string column) => columns.TryGetValue(column, out var i) ? (i < record.Fields.Count ? record.Fields[i] : "") : null;
            var input = new PatientInput
            {
                Name = Cell(RosterColumns.Name),
                NationalId = Cell(RosterColumns.NationalId),
                Phone = Cell(RosterColumns.Phone),
                BirthDate = Cell(RosterColumns.BirthDate),
                Grid = Cell(RosterColumns.Grid),
                Conditions = Cell(RosterColumns.Conditions) is { } conditions ? PatientFieldValidator.SplitConditions(conditions) : null,
                ResponsibleDoctorId = Cell(RosterColumns.Doctor),
                CardCode = Cell(RosterColumns.CardCode),
            };
            var errors = new List<FieldError>();
            if (string.IsNullOrWhiteSpace(input.NationalId))
            {
                errors.Add(new FieldError(RosterColumns.NationalId, FieldErrors.Required)); // the import's identity key
            }

            var fields = PatientFieldValidator.Validate(input, clinic, isNew: true, errors);
            if (fields is null || errors.Count > 0)
            {
                Errors.AddRange(errors.Select(e => FieldProblem.From(record.Row, e)));
                continue;
            }

            var lookup = editor.NationalIdLookup(fields.NationalId!);
            var card = fields.CardCode is null ? null : CardCodeHash.Compute(clinic.ClinicId, fields.CardCode);
            if (!seenIds.Add(lookup))
            {
                Errors.Add(FieldProblem.From(record.Row, new FieldError(RosterColumns.NationalId, FieldErrors.DuplicateInFile)));
                continue;
            }

            if (card is not null && !seenCards.Add(card))
            {
                Errors.Add(FieldProblem.From(record.Row, new FieldError(RosterColumns.CardCode, FieldErrors.DuplicateInFile)));
                continue;
            }

            candidates.Add((record.Row, fields, lookup, card));
        }

        await MatchRegistryAsync(db, candidates, ct);
        Errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        return this;
    }

    private async Task MatchRegistryAsync(RegistryDbContext db, List<(int Row, PatientFields Fields, string Lookup, string? CardHash)> candidates, CancellationToken ct)
    {
        var lookups = candidates.Select(c => c.Lookup).ToList();
        var existing = (await db.Patients.Where(p => p.NationalIdLookup != null && lookups.Contains(p.NationalIdLookup)).ToListAsync(ct))
            .ToDictionary(p => p.NationalIdLookup!, StringComparer.Ordinal);
        var cards = candidates.Where(c => c.CardHash is not null).Select(c => c.CardHash!).ToList();
        var cardHolders = await db.Patients.AsNoTracking()
            .Where(p => p.CardCodeHash != null && cards.Contains(p.CardCodeHash))
            .ToDictionaryAsync(p => p.CardCodeHash!, p => p.Id, StringComparer.Ordinal, ct);
        foreach (var (row, fields, lookup, card) in candidates)
        {
            var patient = existing.GetValueOrDefault(lookup);
            if (patient is not null && patient.ClinicId != clinic.ClinicId)
            {
                Errors.Add(FieldProblem.From(row, new FieldError(RosterColumns.NationalId, FieldErrors.OtherClinic)));
                continue;
            }

            if (card is not null && cardHolders.TryGetValue(card, out var holder) && holder != patient?.Id)
            {
                Errors.Add(FieldProblem.From(row, new FieldError(RosterColumns.CardCode, FieldErrors.CardInUse)));
                continue;
            }

            Rows.Add(new RosterImportRow(row, fields, patient));
        }
    }
}
