namespace CloudClinic.Registry.Model;

public static class CareTaskStates
{
    public const string Open = "open";
    public const string Done = "done";

    /// <summary>Handed on, e.g. the grid worker's task when the doctor takes over at 14 days.</summary>
    public const string Superseded = "superseded";
}
