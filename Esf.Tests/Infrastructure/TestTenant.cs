using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Signatures;

namespace Esf.Tests.Infrastructure;

/// <summary>
/// A seller and a customer of their own (fresh TINs, so tests run in parallel on one database), a user who heads the seller,
/// and that user's RSA certificate (SERIALNUMBER=IIN…, OU=BIN&lt;seller&gt;), used both to log in and to sign.
/// </summary>
public sealed class TestTenant : IDisposable
{
    public const string DefaultPassword = "Passw0rdTest";

    private TestTenant(string sellerTin, string customerTin, string userIin, X509Certificate2 certificate)
    {
        SellerTin = sellerTin;
        CustomerTin = customerTin;
        UserIin = userIin;
        Certificate = certificate;
    }

    public string SellerTin { get; }

    public string CustomerTin { get; }

    public string UserIin { get; }

    public string Password => DefaultPassword;

    /// <summary>The user's certificate with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The certificate as clients send it (Base64 DER).</summary>
    public string CertificateBase64 => CertificateFactory.ToBase64(Certificate);

    public static Task<TestTenant> CreateAsync(GatewayFixture fixture) => CreateAsync(fixture.Get<RegistryWriter>());

    /// <summary>A tenant written straight into a database of one's own (e.g. behind separate processes).</summary>
    public static async Task<TestTenant> CreateAsync(RegistryWriter registry)
    {
        var (seller, customer, user) = (UniqueTin(), UniqueTin(), UniqueTin());
        var tenant = new TestTenant(seller, customer, user, CertificateFactory.Create("ТЕСТОВ ТЕСТ", user, seller));
        await registry.AddTaxpayerAsync(tenant.SellerTin, $"ТОО «Продавец {tenant.SellerTin}»");
        await registry.AddTaxpayerAsync(tenant.CustomerTin, $"ТОО «Покупатель {tenant.CustomerTin}»");
        await registry.AddUserAsync(tenant.UserIin, DefaultPassword, tenant.SellerTin, "ADMIN_ENTERPRISE", "ТЕСТ", "ТЕСТОВ");
        return tenant;
    }

    /// <summary>A fresh 12-digit ИИН/БИН; random, so reruns on a kept database do not collide.</summary>
    public static string UniqueTin() => RandomNumberGenerator.GetInt32(100_000, 999_999).ToString("D6") + RandomNumberGenerator.GetInt32(0, 999_999).ToString("D6");

    /// <summary>A fresh invoice number (digits only, as the schema wants).</summary>
    public static string UniqueNum() => RandomNumberGenerator.GetInt32(1, int.MaxValue).ToString();

    /// <summary>Base64 RSA-SHA256 over the body's UTF-8 bytes, as a client signs.</summary>
    public string Sign(string body)
    {
        using var key = Certificate.GetRSAPrivateKey()!;
        return InvoiceSignatureVerifier.Sign(body, key);
    }

    /// <summary>Opens a session through the application service (the protocol tests open theirs over the wire).</summary>
    public Task<string> OpenSessionAsync(GatewayFixture fixture) =>
        fixture.Get<SessionService>().CreateAsync(new CreateSessionRequest(SellerTin, CertificateBase64, UserIin, Password), CancellationToken.None);

    public void Dispose() => Certificate.Dispose();
}
