namespace CloudClinic.Registry.Model;

/// <summary>How a grid worker closed a "not measured" task (DESIGN.md §7): visited at home (上门随访) or called (电话随访).</summary>
public static class CareTaskOutcomes
{
    public const string Visited = "visited";
    public const string Called = "called";

    public const int MaxLength = 16;

    public static IReadOnlyList<string> All { get; } = [Visited, Called];
}
