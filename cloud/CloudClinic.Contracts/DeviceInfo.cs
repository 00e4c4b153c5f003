namespace CloudClinic.Contracts;

/// <summary>The meter a reading came from (DESIGN.md §3 <c>device</c>).</summary>
public sealed record DeviceInfo
{
    public required string Model { get; init; }

    public required string Serial { get; init; }

    /// <summary><see cref="Transports.Serial"/> or <see cref="Transports.Ble"/>.</summary>
    public required string Transport { get; init; }

    /// <summary>Protocol name, e.g. <c>cclp1</c> (the CloudClinic line protocol) or <c>gatt-2a35</c>.</summary>
    public required string Protocol { get; init; }
}
