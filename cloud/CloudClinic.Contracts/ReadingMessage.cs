namespace CloudClinic.Contracts;

/// <summary>
/// One measurement on <c>cloudclinic/v1/{clinic}/{gateway}/readings</c> (DESIGN.md §3). Blood pressure is in
/// mmHg and glucose in mmol/L whatever the meter showed; the original unit travels alongside.
/// </summary>
public sealed record ReadingMessage
{
    public const string SchemaV1 = "cloudclinic.reading/1";

    public required string Schema { get; init; }

    /// <summary>Deterministic idempotency key (DESIGN.md §5): the same reading re-sent has the same id.</summary>
    public required string ReadingId { get; init; }

    public required string ClinicId { get; init; }

    public required string GatewayId { get; init; }

    /// <summary>Pseudonymous registry id; null = unassigned (kept and listed for assignment).</summary>
    public string? PatientId { get; init; }

    /// <summary>Meter station the reading was taken at (which meter of the gateway).</summary>
    public string? Station { get; init; }

    /// <summary><see cref="ReadingKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The meter's clock, or the gateway's receive time when <see cref="ClockSource"/> is gateway.</summary>
    public required DateTimeOffset MeasuredAt { get; init; }

    /// <summary><see cref="ClockSources"/>; absent means the meter's clock.</summary>
    public string? ClockSource { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required DeviceInfo Device { get; init; }

    public double? Systolic { get; init; }

    public double? Diastolic { get; init; }

    public double? MeanArterial { get; init; }

    public double? Pulse { get; init; }

    /// <summary><see cref="PressureUnits"/>: what the meter reported before conversion to mmHg.</summary>
    public string? OriginalUnit { get; init; }

    public double? MmolL { get; init; }

    public double? MgdL { get; init; }

    /// <summary><see cref="MealContexts"/>.</summary>
    public string? Meal { get; init; }

    public string? Sample { get; init; }

    /// <summary><see cref="OutOfRangeMarks"/>: the meter showed HI or LO.</summary>
    public string? OutOfRange { get; init; }

    /// <summary>
    /// <see cref="ReadingFlags"/>; never null. The JSON serializer builds this init-only record through a constructor
    /// call that sets every property, so a payload without <c>flags</c> would otherwise come out with null here.
    /// </summary>
    public IReadOnlyList<string> Flags
    {
        get => _flags;
        init => _flags = value ?? [];
    }

    private readonly IReadOnlyList<string> _flags = [];
}
