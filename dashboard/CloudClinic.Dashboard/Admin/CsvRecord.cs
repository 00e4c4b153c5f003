namespace CloudClinic.Dashboard.Admin;

/// <summary>One record of a CSV file; <see cref="Row"/> counts records from 1 (the header), as a spreadsheet numbers rows.</summary>
internal sealed record CsvRecord(int Row, IReadOnlyList<string> Fields);
