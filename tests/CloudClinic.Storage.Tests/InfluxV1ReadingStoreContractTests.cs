using CloudClinic.Storage.Influx;

namespace CloudClinic.Storage.Tests;

public sealed class InfluxV1ReadingStoreContractTests : ReadingStoreContractTests, IClassFixture<InfluxFixture>, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public InfluxV1ReadingStoreContractTests(InfluxFixture fixture)
    {
        Store = new InfluxV1ReadingStore(_http, InfluxFixture.NewDatabase(fixture.Influxd.Url));
    }

    protected override IReadingStore Store { get; }

    public void Dispose() => _http.Dispose();
}
