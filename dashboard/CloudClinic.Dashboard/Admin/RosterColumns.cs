namespace CloudClinic.Dashboard.Admin;

/// <summary>
/// The roster CSV's columns (docs/roster-import.md): each has a Chinese and an English header, matched after trimming,
/// the English ones case-insensitively. Name and national ID are required (the ID is what makes a re-import an update).
/// </summary>
internal static class RosterColumns
{
    public const string Name = "name";
    public const string NationalId = "nationalId";
    public const string Phone = "phone";
    public const string BirthDate = "birthDate";
    public const string Grid = "grid";
    public const string Conditions = "conditions";
    public const string CardCode = "cardCode";
    public const string Doctor = "doctor";

    public static readonly IReadOnlyList<string> Required = [Name, NationalId];

    private static readonly Dictionary<string, string> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["姓名"] = Name,
        [Name] = Name,
        ["身份证号"] = NationalId,
        ["身份证号码"] = NationalId,
        [NationalId] = NationalId,
        ["电话"] = Phone,
        ["联系电话"] = Phone,
        [Phone] = Phone,
        ["出生日期"] = BirthDate,
        [BirthDate] = BirthDate,
        ["网格"] = Grid,
        [Grid] = Grid,
        ["病种"] = Conditions,
        [Conditions] = Conditions,
        ["卡号"] = CardCode,
        [CardCode] = CardCode,
        ["责任医生"] = Doctor,
        [Doctor] = Doctor,
    };

    /// <summary>The column a header names, or null for a column the import ignores.</summary>
    public static string? Find(string header) => Headers.GetValueOrDefault(header.Trim());
}
