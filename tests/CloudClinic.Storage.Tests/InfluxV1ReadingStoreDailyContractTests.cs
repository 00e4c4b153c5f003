using CloudClinic.Storage.Influx;

namespace CloudClinic.Storage.Tests;

public sealed class InfluxV1ReadingStoreDailyContractTests : ReadingStoreDailyContractTests, IClassFixture<InfluxFixture>, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public InfluxV1ReadingStoreDailyContractTests(InfluxFixture fixture)
    {
        Store = new InfluxV1ReadingStore(_http, InfluxFixture.NewDatabase(fixture.Influxd.Url));
    }

    protected override IReadingStore Store { get; }

    public void Dispose() => _http.Dispose();
}
