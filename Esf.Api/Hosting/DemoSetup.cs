using Esf.Infrastructure;
using Esf.Infrastructure.Demo;
using Esf.Infrastructure.Sandbox;
using Microsoft.Extensions.Options;

namespace Esf.Api.Hosting;

/// <summary>Seeds the demo registry and key at start-up; the URLs are added to demo.json once the server listens.</summary>
internal static class DemoSetup
{
    public static async Task SeedAsync(WebApplication app, EsfOptions options)
    {
        var sandbox = app.Services.GetRequiredService<IOptions<SandboxOptions>>().Value.Enabled
            ? app.Services.GetRequiredService<SandboxKey>().Value
            : null;
        var demo = await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(options.DataDirectory, CancellationToken.None);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var url = app.Urls.FirstOrDefault() ?? GatewayApp.DefaultUrl;
            var sample = Path.GetFullPath(Path.Combine("contracts", "samples", "invoice-v2.xml"));
            var withUrls = demo with
            {
                Url = url,
                SwaggerUrl = $"{url}/swagger",
                WsdlUrls = Services.ToDictionary(s => s, s => $"{url}/esf-web/ws/api1/{s}?wsdl"),
                SampleInvoicePath = File.Exists(sample) ? sample : null,
                SandboxKey = sandbox,
            };
            DemoSeeder.WriteAsync(withUrls, options.DataDirectory, CancellationToken.None).GetAwaiter().GetResult();
        });
    }

    public static readonly string[] Services = ["SessionService", "UploadInvoiceService", "InvoiceService", "VersionService", "AuthService"];
}
