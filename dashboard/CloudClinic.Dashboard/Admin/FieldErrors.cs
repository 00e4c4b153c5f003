namespace CloudClinic.Dashboard.Admin;

/// <summary>
/// Codes of the admin API's field errors and the import's row errors. The page shows each in the user's language
/// (<c>admin.error.{code}</c> in messages-*.js); the API also sends an English reason. None carries the field's value.
/// </summary>
internal static class FieldErrors
{
    public const string Required = "required";
    public const string TooLong = "tooLong";
    public const string InvalidCharacters = "invalidCharacters";
    public const string NationalIdFormat = "nationalIdFormat";
    public const string NationalIdDate = "nationalIdDate";
    public const string NationalIdCheckDigit = "nationalIdCheckDigit";
    public const string InvalidDate = "invalidDate";
    public const string BirthDateMismatch = "birthDateMismatch";
    public const string InvalidPhone = "invalidPhone";
    public const string UnknownGrid = "unknownGrid";
    public const string UnknownCondition = "unknownCondition";
    public const string UnknownDoctor = "unknownDoctor";
    public const string DuplicateInFile = "duplicateInFile";
    public const string CardInUse = "cardInUse";
    public const string OtherClinic = "otherClinic";
    public const string MissingColumn = "missingColumn";
    public const string DuplicateColumn = "duplicateColumn";
    public const string FieldCount = "fieldCount";
    public const string MalformedCsv = "malformedCsv";
    public const string NotUtf8 = "notUtf8";
    public const string Empty = "empty";
    public const string TooManyRows = "tooManyRows";
    public const string OutOfRange = "outOfRange";
    public const string AlreadyRegistered = "alreadyRegistered";
    public const string InvalidId = "invalidId";
    public const string Exists = "exists";
    public const string UnknownRole = "unknownRole";
    public const string UnknownClinic = "unknownClinic";
    public const string UnknownTimeZone = "unknownTimeZone";

    /// <summary>The English reason of a code (for API clients and logs; the page translates the code).</summary>
    public static string Reason(string code) => code switch
    {
        Required => "a value is required",
        TooLong => "the value is too long",
        InvalidCharacters => "the value contains control characters",
        NationalIdFormat => "not an 18-character national ID number (17 digits and a digit or X)",
        NationalIdDate => "the national ID number encodes no valid birth date",
        NationalIdCheckDigit => "the national ID number's check character is wrong (GB 11643)",
        InvalidDate => "not a date in yyyy-MM-dd form between 1900-01-01 and today",
        BirthDateMismatch => "the birth date differs from the one in the national ID number",
        InvalidPhone => "not a phone number (digits, optional leading +, spaces or hyphens; 5 to 20 characters)",
        UnknownGrid => "no such grid in this clinic",
        UnknownCondition => "conditions must be hypertension/高血压 and/or diabetes/糖尿病",
        UnknownDoctor => "no such doctor in this clinic",
        DuplicateInFile => "the same value is in an earlier row of this file",
        CardInUse => "this card code belongs to another patient",
        OtherClinic => "this person is registered at another clinic",
        MissingColumn => "a required column is missing",
        DuplicateColumn => "the column appears twice",
        FieldCount => "the row has more fields than the header",
        MalformedCsv => "unterminated quoted field",
        NotUtf8 => "the file is not UTF-8 text (save it as CSV UTF-8)",
        Empty => "the file has no header row",
        TooManyRows => "the file has too many rows",
        OutOfRange => "the value is outside the allowed range",
        AlreadyRegistered => "a patient with this national ID is already registered in this clinic",
        InvalidId => "ids are 1 to 64 characters a-z, 0-9 and -",
        Exists => "the id is already taken",
        UnknownRole => "role must be doctor, gridWorker, clinicAdmin or countyAdmin",
        UnknownClinic => "no such clinic",
        UnknownTimeZone => "not an IANA time zone such as Asia/Shanghai",
        _ => code,
    };
}
