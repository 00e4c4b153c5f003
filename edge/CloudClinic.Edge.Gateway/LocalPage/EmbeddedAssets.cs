using System.Collections.Frozen;
using System.Reflection;

namespace CloudClinic.Edge.Gateway.LocalPage;

/// <summary>
/// The page's static files, embedded in the assembly from <c>LocalPage/wwwroot/</c> (the csproj names each resource
/// <c>localpage/{path}</c>), read once: a handful of small files, no file system to get wrong on the Pi.
/// </summary>
internal sealed class EmbeddedAssets
{
    private const string Prefix = "localpage/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".json"] = "application/json; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, (byte[] Content, string ContentType)> _files;

    public EmbeddedAssets()
    {
        var assembly = typeof(EmbeddedAssets).Assembly;
        _files = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .ToFrozenDictionary(name => "/" + name[Prefix.Length..], name => (Read(assembly, name), ContentTypeOf(name)), StringComparer.Ordinal);
    }

    /// <summary>Request paths served, e.g. <c>/index.html</c>, <c>/app.js</c>.</summary>
    public IEnumerable<string> Paths => _files.Keys;

    public bool TryGet(string path, out byte[] content, out string contentType)
    {
        var found = _files.TryGetValue(path, out var file);
        (content, contentType) = found ? file : ([], string.Empty);
        return found;
    }

    private static string ContentTypeOf(string name) => ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream");

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
