using System.Text.Json;
using Esf.Infrastructure;
using Microsoft.Extensions.Options;

namespace Esf.Api.Hosting;

/// <summary>Tells a newcomer where everything is: the Swagger UI, the WSDLs and the demo credentials.</summary>
internal static class StartupBanner
{
    public static async Task PrintAsync(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<EsfOptions>>().Value;
        var url = app.Urls.FirstOrDefault() ?? GatewayApp.DefaultUrl;
        Console.WriteLine();
        Console.WriteLine($"Esf Gateway is up ({options.Roles}) on {url}");
        if (options.RoleSet.HasFlag(EsfRoles.Gateway))
        {
            Console.WriteLine($"  Swagger UI : {url}/swagger");
            foreach (var service in DemoSetup.Services)
            {
                Console.WriteLine($"  WSDL       : {url}/esf-web/ws/api1/{service}?wsdl");
            }
        }

        var demoFile = Path.Combine(Path.GetFullPath(options.DataDirectory), "demo.json");
        if (options.SeedDemo && File.Exists(demoFile))
        {
            using var demo = JsonDocument.Parse(await File.ReadAllTextAsync(demoFile));
            var root = demo.RootElement;
            Console.WriteLine($"  Demo       : seller {root.GetProperty("sellerTin")}, customer {root.GetProperty("customerTin")}");
            Console.WriteLine($"               user {root.GetProperty("userIin")} / password {root.GetProperty("password")}");
            Console.WriteLine($"               signing key {root.GetProperty("pkcs12Path")} (password {root.GetProperty("pkcs12Password")})");
            Console.WriteLine($"               all of it for scripts in {demoFile}");
        }

        Console.WriteLine("Press Ctrl-C to stop.");
    }
}
