namespace CloudClinic.Dashboard.Tests.CarePlans;

/// <summary>One range of the care-plan form as a client reads it.</summary>
public sealed record FieldRangeDto(string Field, double Min, double Max);
