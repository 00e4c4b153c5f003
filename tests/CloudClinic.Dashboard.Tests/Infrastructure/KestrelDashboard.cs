using System.Globalization;
using System.Net;
using CloudClinic.Testing;

namespace CloudClinic.Dashboard.Tests.Infrastructure;

/// <summary>
/// The real dashboard on Kestrel at 127.0.0.1 (a browser cannot reach the in-memory TestServer, PLATFORM-NOTES.md),
/// relaying from a broker with a SQLite store. <see cref="RestartAsync"/> stops it and starts a new host on the same
/// port and the same database, as a server restart would.
/// </summary>
public sealed class KestrelDashboard : IAsyncDisposable
{
    private readonly string _mqttUrl;
    private readonly string _dataDirectory;

    private KestrelDashboard(string mqttUrl, string dataDirectory, int port)
    {
        _mqttUrl = mqttUrl;
        _dataDirectory = dataDirectory;
        Port = port;
        Factory = Start();
    }

    public int Port { get; }

    public string Url => "http://127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    public DashboardFactory Factory { get; private set; }

    public string SqlitePath => Path.Combine(_dataDirectory, "readings.db");

    public static KestrelDashboard Start(string mqttUrl, string dataDirectory) => new(mqttUrl, dataDirectory, FreeTcpPort.Next());

    public async Task StopAsync() => await Factory.DisposeAsync();

    public void StartAgain() => Factory = Start();

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();

    private DashboardFactory Start()
    {
        var factory = DashboardFactory.ForBroker(_mqttUrl, _dataDirectory, new Dictionary<string, string?>
        {
            ["Dashboard:DefaultClinicId"] = BrowserSamples.Clinic,
            ["Dashboard:TimeZone"] = "Asia/Shanghai",
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port));
        factory.StartServer();
        return factory;
    }
}
