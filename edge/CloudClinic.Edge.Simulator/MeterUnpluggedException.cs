namespace CloudClinic.Edge.Simulator;

/// <summary>Raised by a simulated meter to pull its cable mid-transfer (<c>--fault unplug</c>).</summary>
internal sealed class MeterUnpluggedException(int recordsSent) : Exception($"unplugged after {recordsSent} record(s)")
{
    public int RecordsSent { get; } = recordsSent;
}
