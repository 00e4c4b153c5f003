namespace CloudClinic.Registry.Model;

/// <summary>A grid (网格) of a clinic's area; grid workers visit the elderly people living in it.</summary>
public sealed class Grid
{
    public string Id { get; set; } = "";

    public string ClinicId { get; set; } = "";

    public string Name { get; set; } = "";
}
