namespace CloudClinic.Edge.Watchdog;

/// <summary>Whether the gateway's loops are working, asked before each watchdog ping.</summary>
internal interface IGatewayHealth
{
    /// <summary>Null when healthy; otherwise why not, for the log.</summary>
    string? FindProblem();
}
