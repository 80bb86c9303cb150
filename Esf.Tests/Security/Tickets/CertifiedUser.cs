using System.Security.Cryptography.X509Certificates;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Signatures;
using Esf.Tests.Infrastructure;

namespace Esf.Tests.Security.Tickets;

/// <summary>A fresh enterprise and its head, whose AUTH and signing certificates the test CA issued.</summary>
public sealed class CertifiedUser : IDisposable
{
    private CertifiedUser(string tin, string iin, X509Certificate2 auth, X509Certificate2 sign)
    {
        Tin = tin;
        Iin = iin;
        Auth = auth;
        Sign = sign;
    }

    public string Tin { get; }

    public string Iin { get; }

    public X509Certificate2 Auth { get; }

    public X509Certificate2 Sign { get; }

    public string AuthBase64 => CertificateFactory.ToBase64(Auth);

    public static async Task<CertifiedUser> CreateAsync(string? iin = null, string profile = "ADMIN_ENTERPRISE")
    {
        var (tin, person) = (TestTenant.UniqueTin(), iin ?? TestTenant.UniqueTin());
        var registry = TrustedGateway.Fixture.Get<RegistryWriter>();
        await registry.AddTaxpayerAsync(tin, $"ТОО «Предприятие {tin}»");
        await registry.AddUserAsync(person, TestTenant.DefaultPassword, tin, profile, "ТЕСТ", "ТЕСТОВ");
        var authority = TrustedGateway.Authority;
        return new CertifiedUser(
            tin, person, authority.Issue("ТЕСТОВ ТЕСТ", person, tin, CertificatePurpose.Authentication),
            authority.Issue("ТЕСТОВ ТЕСТ", person, tin, CertificatePurpose.Signing));
    }

    public void Dispose()
    {
        Auth.Dispose();
        Sign.Dispose();
    }
}
