using CloudClinic.Contracts;

namespace CloudClinic.Dashboard.Tests.Infrastructure;

/// <summary>Readings for the browser tests, measured "now" (the page shows the clinic's today).</summary>
public static class BrowserSamples
{
    public const string Clinic = "clinic-browser";
    public const string Gateway = "gw-browser";

    public static ReadingMessage BloodPressure(string readingId, double systolic, double diastolic, DateTimeOffset measuredAt, string? patientId = null) =>
        Samples.BloodPressure(Clinic, Gateway, readingId, systolic, diastolic, measuredAt, patientId) with { Flags = [] };

    public static ReadingMessage Glucose(string readingId, double mmolL, string meal, DateTimeOffset measuredAt, string patientId) =>
        Samples.Glucose(Clinic, Gateway, readingId, mmolL, measuredAt) with { Meal = meal, PatientId = patientId };
}
