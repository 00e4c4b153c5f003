namespace CloudClinic.Edge.Simulator;

/// <summary>One result in a simulated meter's memory, as the meter keeps it: local wall-clock time, mg/dL, meal mark.</summary>
internal sealed record StoredResult(DateTime MeterLocalTime, int GlucoseMgdL, string Meal);
