using CloudClinic.Dashboard.Demo;
using CloudClinic.Dashboard.Tests.Infrastructure;

namespace CloudClinic.Dashboard.Tests.Admin;

public sealed class DemoEncryptionKeyTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes; the demo runs on Linux
    public void LoadOrCreate_TwiceInOneDirectory_SameOwnerOnly32ByteKey()
    {
        using var directory = new TempDirectory();

        var first = DemoEncryptionKey.LoadOrCreate(directory.Path);
        var second = DemoEncryptionKey.LoadOrCreate(directory.Path);

        Assert.Equal(first, second);
        Assert.Equal(32, Convert.FromBase64String(first).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory.Path, DemoEncryptionKey.FileName)));
    }
}
