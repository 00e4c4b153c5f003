using System.ComponentModel.DataAnnotations;

namespace CloudClinic.Dashboard.Demo;

/// <summary>The all-in-one newcomer host (<c>Demo:*</c>); read once at start-up, before the host is built.</summary>
internal sealed class DemoOptions
{
    public const string SectionName = "Demo";

    public const string DefaultUrl = "http://127.0.0.1:5080";

    public bool Enabled { get; set; }

    /// <summary>Port of the embedded broker on 127.0.0.1; absent or 0 = a free port.</summary>
    [Range(0, 65535, ErrorMessage = "Demo:MqttPort must be between 0 and 65535.")]
    public int MqttPort { get; set; }

    /// <summary>Where the demo keeps its SQLite files; absent = a folder under the user's local app data.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Seconds between simulated readings of each station.</summary>
    [Range(1, 3600, ErrorMessage = "Demo:ReadingIntervalSeconds must be between 1 and 3600.")]
    public int ReadingIntervalSeconds { get; set; } = 5;
}
