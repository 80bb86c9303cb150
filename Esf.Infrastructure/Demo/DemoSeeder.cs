using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Signatures;

namespace Esf.Infrastructure.Demo;

/// <summary>
/// Seeds the demo registry and makes the demo signing key (PKCS#12, never committed: it lives in the ignored data folder),
/// so a newcomer can sign and upload an invoice at once. Idempotent: a second start reuses both.
/// </summary>
public sealed class DemoSeeder(RegistryWriter registry, RegistrySeed seed)
{
    public async Task<DemoData> SeedAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetFullPath(dataDirectory), "demo")).FullName;
        var demo = new DemoData
        {
            Pkcs12Path = Path.Combine(folder, "demo-signer.p12"),
            CertificatePath = Path.Combine(folder, "demo-signer.cer"),
        };

        // The dictionaries the rules read, through the same importer as POST /api/v1/admin/registry/{name}.
        await seed.ImportAsync(cancellationToken);
        await registry.AddTaxpayerAsync(demo.SellerTin, demo.SellerName, "г. Астана, ул. Демонстрационная, 1", cancellationToken: cancellationToken);
        await registry.AddBankAccountAsync(demo.SellerTin, demo.SellerIik, demo.SellerBik, cancellationToken);
        await registry.AddTaxpayerAsync(demo.CustomerTin, demo.CustomerName, "г. Алматы, пр. Примерный, 2", cancellationToken: cancellationToken);
        await registry.AddTaxpayerAsync(demo.OtherCustomerTin, demo.OtherCustomerName, "г. Шымкент, ул. Тестовая, 3", cancellationToken: cancellationToken);
        await registry.AddUserAsync(demo.UserIin, demo.Password, demo.SellerTin, "ADMIN_ENTERPRISE", "ДЕМО", "ДЕМОВ", cancellationToken);
        if (!File.Exists(demo.Pkcs12Path))
        {
            using var certificate = CertificateFactory.Create(demo.UserName, demo.UserIin, demo.SellerTin, notAfter: DateTimeOffset.UtcNow.AddYears(3));
            await File.WriteAllBytesAsync(demo.Pkcs12Path, certificate.Export(X509ContentType.Pkcs12, demo.Pkcs12Password), cancellationToken);
            await File.WriteAllTextAsync(demo.CertificatePath, CertificateFactory.ToBase64(certificate), cancellationToken);
        }

        return demo;
    }

    /// <summary>Writes <c>demo.json</c> for scripts (keys sellerTin, customerTin, userIin, password, pkcs12Path, pkcs12Password, …).</summary>
    public static async Task WriteAsync(DemoData demo, string dataDirectory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetFullPath(dataDirectory), "demo.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(demo, JsonOptions), cancellationToken);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
