using System.Security.Cryptography;

namespace CloudClinic.Dashboard.Demo;

/// <summary>
/// The demo's <c>Registry:EncryptionKey</c>, so the admin page can register and import patients in the demo too: made
/// once per data directory (<c>registry.key</c>, owner-only) and reused, since a new key would leave the patients
/// registered before unreadable. A production key comes from the operator's secret store, never from here.
/// </summary>
internal static class DemoEncryptionKey
{
    public const string ConfigurationKey = "Registry:EncryptionKey";
    public const string FileName = "registry.key";

    public static string LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(key);
        }

        return key;
    }
}
