using CloudClinic.Dashboard.Demo;

namespace CloudClinic.Dashboard.Tests;

public sealed class DemoModeTests
{
    [Fact]
    public void Translate_DemoBeforeUrls_UrlsStillReachTheHost()
    {
        var args = DemoMode.Translate(["--demo", "--urls", "http://127.0.0.1:0"]);

        Assert.Equal(["--Demo:Enabled=true", "--urls", "http://127.0.0.1:0"], args);
    }

    [Fact]
    public void Translate_NoDemo_ArgumentsUnchanged()
    {
        Assert.Equal(["--urls", "http://127.0.0.1:0"], DemoMode.Translate(["--urls", "http://127.0.0.1:0"]));
    }
}
