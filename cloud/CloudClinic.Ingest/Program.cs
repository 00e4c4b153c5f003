using CloudClinic.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddCloudIngest();
builder.Services.AddSystemd();
builder.Build().Run();
