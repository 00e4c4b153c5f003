using System.Globalization;
using System.Text.RegularExpressions;
using CloudClinic.Registry.Model;

namespace CloudClinic.Dashboard.Admin;

/// <summary>Checks a <see cref="PatientInput"/> against its clinic; errors name the column (<see cref="RosterColumns"/>) and never the value.</summary>
internal static partial class PatientFieldValidator
{
    public const int MaxNameLength = 50;
    public const int MaxCardCodeLength = 64;
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    private static readonly Dictionary<string, string> ConditionNames = new(StringComparer.OrdinalIgnoreCase)
    {
        [Conditions.Hypertension] = Conditions.Hypertension,
        ["高血压"] = Conditions.Hypertension,
        [Conditions.Diabetes] = Conditions.Diabetes,
        ["糖尿病"] = Conditions.Diabetes,
        ["2型糖尿病"] = Conditions.Diabetes,
    };

    /// <summary>Separators a spreadsheet user may put between conditions in one cell.</summary>
    public static readonly char[] ConditionSeparators = [';', '；', '、', ',', '，', '|', '/', ' '];

    /// <param name="isNew">A new patient needs a name and a birth date (given or from the national ID).</param>
    public static PatientFields? Validate(PatientInput input, ClinicContext clinic, bool isNew, List<FieldError> errors)
    {
        var before = errors.Count;
        var name = Text(input.Name, RosterColumns.Name, MaxNameLength, required: isNew, errors);

        string? nationalId = null;
        DateOnly? idBirthDate = null;
        if (!string.IsNullOrWhiteSpace(input.NationalId))
        {
            if (NationalIdNumber.Validate(input.NationalId, out var normalized, out var encoded) is { } idError)
            {
                errors.Add(new FieldError(RosterColumns.NationalId, idError));
            }
            else
            {
                (nationalId, idBirthDate) = (normalized, encoded);
            }
        }

        string? phone = null;
        var removePhone = input.Phone is { } rawPhone && rawPhone.Trim().Length == 0;
        if (!string.IsNullOrWhiteSpace(input.Phone))
        {
            phone = input.Phone.Trim();
            if (!PhonePattern().IsMatch(phone))
            {
                errors.Add(new FieldError(RosterColumns.Phone, FieldErrors.InvalidPhone));
            }
        }

        // A bad ID number already refuses the row: no second error for the birth date it would have given.
        var birthDate = BirthDate(input.BirthDate, idBirthDate, clinic.Today, isNew && string.IsNullOrWhiteSpace(input.NationalId), errors);

        string? gridId = null;
        if (!string.IsNullOrWhiteSpace(input.Grid) && !clinic.GridIdsByIdOrName.TryGetValue(input.Grid.Trim(), out gridId))
        {
            errors.Add(new FieldError(RosterColumns.Grid, FieldErrors.UnknownGrid));
        }

        var conditions = new List<string>();
        foreach (var item in input.Conditions ?? [])
        {
            if (ConditionNames.TryGetValue(item.Trim(), out var condition))
            {
                conditions.Add(condition);
            }
            else if (item.Trim().Length > 0)
            {
                errors.Add(new FieldError(RosterColumns.Conditions, FieldErrors.UnknownCondition));
                break;
            }
        }

        var doctor = string.IsNullOrWhiteSpace(input.ResponsibleDoctorId) ? null : input.ResponsibleDoctorId.Trim();
        if (doctor is not null && !clinic.DoctorIds.Contains(doctor))
        {
            errors.Add(new FieldError(RosterColumns.Doctor, FieldErrors.UnknownDoctor));
        }

        var removeCard = input.CardCode is { } rawCard && rawCard.Trim().Length == 0;
        var card = Text(input.CardCode, RosterColumns.CardCode, MaxCardCodeLength, required: false, errors);

        return errors.Count > before
            ? null
            : new PatientFields(
                name, nationalId, phone, removePhone, birthDate, gridId, conditions.Distinct(StringComparer.Ordinal).ToList(), doctor, card, removeCard,
                KeepGrid: !isNew && input.Grid is null,
                KeepDoctor: !isNew && input.ResponsibleDoctorId is null,
                KeepConditions: !isNew && input.Conditions is null);
    }

    /// <summary>Splits a conditions cell ("高血压、糖尿病", "hypertension;diabetes").</summary>
    public static IReadOnlyList<string> SplitConditions(string? cell) =>
        (cell ?? "").Split(ConditionSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Text(string? value, string column, int maxLength, bool required, List<FieldError> errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                errors.Add(new FieldError(column, FieldErrors.Required));
            }

            return null;
        }

        if (text.Length > maxLength)
        {
            errors.Add(new FieldError(column, FieldErrors.TooLong));
        }
        else if (text.Any(char.IsControl))
        {
            errors.Add(new FieldError(column, FieldErrors.InvalidCharacters));
        }

        return text;
    }

    private static DateOnly? BirthDate(string? value, DateOnly? fromNationalId, DateOnly today, bool required, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (fromNationalId is { } encoded)
            {
                return encoded;
            }

            if (required)
            {
                errors.Add(new FieldError(RosterColumns.BirthDate, FieldErrors.Required));
            }

            return null;
        }

        // yyyy-MM-dd, or yyyy/M/d as a spreadsheet in zh-CN writes dates.
        if (!DateOnly.TryParseExact(value.Trim(), ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date < EarliestBirthDate || date > today)
        {
            errors.Add(new FieldError(RosterColumns.BirthDate, FieldErrors.InvalidDate));
            return null;
        }

        if (fromNationalId is { } fromId && fromId != date)
        {
            errors.Add(new FieldError(RosterColumns.BirthDate, FieldErrors.BirthDateMismatch));
        }

        return date;
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{4,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
