using System.Net;
using CloudClinic.Dashboard.Tests.Infrastructure;

namespace CloudClinic.Dashboard.Tests;

/// <summary>The page and its scripts are served by the host (no bundler, SignalR client from npm).</summary>
public sealed class StaticPageTests(LiveDashboardFixture live) : IClassFixture<LiveDashboardFixture>
{
    [Fact]
    public async Task GetRoot_Default_ServesChinesePageWithSignalRClientAndTestIds()
    {
        using var http = await live.Dashboard.SignedInClientAsync();

        using var response = await http.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"lib/microsoft-signalr/signalr.min.js\"", html, StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"js/app.js\">", html, StringComparison.Ordinal);
        foreach (var id in new[] { "id=\"readings\"", "id=\"alerts\"", "id=\"connection-state\"", "id=\"lang-switch\"", "今日测量" })
        {
            Assert.Contains(id, html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/lib/microsoft-signalr/signalr.min.js", "HubConnectionBuilder")]
    [InlineData("/js/app.js", "connectLive")]
    [InlineData("/js/messages-zh.js", "未分配")]
    [InlineData("/lib/uplot/uPlot.esm.js", "export { uPlot as default }")]
    [InlineData("/patient.html", "data-testid=\"bp-chart\"")]
    [InlineData("/gateways.html", "data-testid=\"gateway-cards\"")]
    [InlineData("/css/site.css", "--urgent")]
    public async Task GetAsset_Exists_ServedWithItsContent(string path, string expected)
    {
        using var http = await live.Dashboard.SignedInClientAsync();

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetModule_JavaScript_HasAJavaScriptMimeTypeSoBrowsersRunIt()
    {
        using var http = await live.Dashboard.SignedInClientAsync();

        using var response = await http.GetAsync(new Uri("/js/readings-view.js", UriKind.Relative));

        // Browsers refuse to run an ES module served with a non-JavaScript MIME type.
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
    }
}
