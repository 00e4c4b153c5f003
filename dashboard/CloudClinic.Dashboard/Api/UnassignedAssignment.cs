using System.Security.Claims;
using CloudClinic.Alerts.Engine;
using CloudClinic.Contracts;
using CloudClinic.Dashboard.Auth;
using CloudClinic.Dashboard.Configuration;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using CloudClinic.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CloudClinic.Dashboard.Api;

/// <summary>
/// <c>POST /api/unassigned/assign</c> with <see cref="AssignReading"/>: re-keys one of the clinic's unassigned readings
/// to one of its patients (<see cref="IReadingStore.AssignAsync"/>: nothing lost), hands it to the alert engine so
/// the patient's care-plan rules judge it and their last-measured moves, and audits who did it. Answers:
/// 200 assigned / alreadyAssigned (repeat for the same patient: a no-op); 400 bad body or a patient of another
/// clinic; 403 outside the user's clinics; 404 unknown patient or no such reading at the clinic; 409 the reading
/// belongs to another patient (re-assigning is not done from here); 501 the reading store cannot re-key;
/// 503 the store failed (try again: the re-key is idempotent).
/// </summary>
internal static class UnassignedAssignment
{
    public const string AuditAction = "reading.assigned";

    public static async Task<Results<Ok<ReadingAssignmentResult>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> AssignAsync(
        AssignReading body,
        ClaimsPrincipal user,
        IReadingStore store,
        IAlertReadingSink alerts,
        RegistryDatabase database,
        TimeProvider time,
        IOptions<DashboardOptions> options,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var scope = AccessScope.From(user);
        var clinicId = ClinicQuery.Resolve(body.Clinic, scope, options.Value, errors);
        CheckId(body.ReadingId, "readingId", AssignReading.MaxReadingIdLength, errors);
        CheckId(body.PatientId, "patientId", AssignReading.MaxPatientIdLength, errors);
        if (errors.Count > 0 || clinicId is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!scope.CanSeeClinicWide(clinicId))
        {
            return TypedResults.Forbid();
        }

        var readingId = body.ReadingId!;
        var patientId = body.PatientId!;
        await database.EnsureMigratedAsync(ct);
        string? patientClinic;
        await using (var db = database.CreateContext())
        {
            patientClinic = await db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => p.ClinicId).SingleOrDefaultAsync(ct);
        }

        if (patientClinic is null)
        {
            return Problem(StatusCodes.Status404NotFound, $"patient '{patientId}' is not registered.");
        }

        if (patientClinic != clinicId)
        {
            return Problem(StatusCodes.Status400BadRequest, $"patient '{patientId}' is not a patient of clinic '{clinicId}': a reading goes only to a patient of its own clinic.");
        }

        ReadingAssignment assignment;
        try
        {
            assignment = await store.AssignAsync(clinicId, readingId, patientId, ct);
        }
        catch (NotSupportedException ex)
        {
            return Problem(StatusCodes.Status501NotImplemented, ex.Message);
        }
        catch (ReadingStoreException ex)
        {
            return Problem(StatusCodes.Status503ServiceUnavailable, $"the reading store failed, nothing was lost; try again: {ex.Message}");
        }

        switch (assignment.Outcome)
        {
            case ReadingAssignmentOutcome.NotFound:
                return Problem(StatusCodes.Status404NotFound, $"clinic '{clinicId}' has no reading '{readingId}'.");
            case ReadingAssignmentOutcome.AssignedToOther:
                return Problem(StatusCodes.Status409Conflict, $"reading '{readingId}' already belongs to another patient; re-assigning a reading is not done from this page.");
            case ReadingAssignmentOutcome.AlreadyAssigned:
                return TypedResults.Ok(new ReadingAssignmentResult(ReadingAssignmentResult.AlreadyAssigned, assignment.Reading!));
        }

        var reading = assignment.Reading!;
        // The engine evaluates it under the patient's care plan and moves their last-measured (it returns once an
        // urgent reading's alert is committed). Then the audit: who put which reading on which patient, when.
        await alerts.SubmitAsync([reading], ct);
        await AuditAsync(database, scope.UserId, reading, time.GetUtcNow(), ct);
        return TypedResults.Ok(new ReadingAssignmentResult(ReadingAssignmentResult.Assigned, reading));
    }

    private static async Task AuditAsync(RegistryDatabase database, string userId, ReadingMessage reading, DateTimeOffset at, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        db.Audit.Add(new AuditEntry
        {
            At = at,
            Actor = userId,
            Action = AuditAction,
            EntityType = "reading",
            EntityId = reading.ReadingId,
            ClinicId = reading.ClinicId,
            Detail = $"patient={reading.PatientId}",
        });
        await db.SaveChangesAsync(ct);
    }

    private static void CheckId(string? id, string name, int maxLength, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(id) || id.Length > maxLength || id.Any(char.IsControl))
        {
            errors[name] = [$"{name} must be 1 to {maxLength} printable characters."];
        }
    }

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(detail, statusCode: status);
}
