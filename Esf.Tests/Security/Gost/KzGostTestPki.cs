using System.Security.Cryptography.X509Certificates;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Signatures.Gost;
using Esf.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace Esf.Tests.Security.Gost;

/// <summary>
/// The НУЦ РК test PKI and the Kalkan-made signatures of shared/reference/kz-gost-test-pki, read in place (never copied):
/// tests are ignored when shared/ is not beside the checkout. The certificates expire, so every check of dates runs at
/// <see cref="ValidAt"/> (all the 2022 test keys and the CRL are current then).
/// </summary>
public static class KzGostTestPki
{
    public const string Password = "Qwerty12";

    /// <summary>1 December 2026: after the CRL's thisUpdate (11.08.2026), before its nextUpdate (07.02.2027) and the keys' notAfter (05.2027).</summary>
    public static readonly DateTimeOffset ValidAt = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    /// <summary>After the CRL's nextUpdate, while the keys are still in date.</summary>
    public static readonly DateTimeOffset CrlStaleAt = new(2027, 3, 1, 6, 0, 0, TimeSpan.Zero);

    /// <summary>The test legal entity every 2022 legal key names (OU=BIN…).</summary>
    public const string LegalEntityBin = "123456789021";

    /// <summary>The head's (and the individual's) ИИН; the employees' is <see cref="EmployeeIin"/>.</summary>
    public const string HeadIin = "123456789011";

    public const string EmployeeIin = "123456789012";

    public static readonly string[] LegalRoles = ["head", "employee", "employee_signright", "infosystem", "treasury_client"];

    /// <summary>Keys of the <c>legal/valid</c> folder that the shared CRL (number 166) lists all the same.</summary>
    public static readonly string[] RevokedSincePublished = ["employee", "infosystem"];

    public static string Path(params string[] parts) =>
        SharedReference.PathOf(["reference", "kz-gost-test-pki", .. parts])
        ?? Ignored<string>($"shared/reference/kz-gost-test-pki/{string.Join('/', parts)} is not beside the checkout");

    public static string RootPath => Path("nca-test-2022-gost512", "root_test_gost_2022.cer");

    public static string IssuingCaPath => Path("nca-test-2022-gost512", "nca_gost2022_test.cer");

    public static string CrlPath => Path("nca-test-2022-gost512", "nca_gost2022_test.crl");

    public static X509Certificate2 Root => X509CertificateLoader.LoadCertificateFromFile(RootPath);

    public static X509Certificate2 IssuingCa => X509CertificateLoader.LoadCertificateFromFile(IssuingCaPath);

    /// <summary>A legal entity's key: <paramref name="role"/> one of <see cref="LegalRoles"/>, valid or revoked.</summary>
    public static (X509Certificate2 Certificate, GostPrivateKey Key) Legal(string role, bool revoked = false) =>
        Load(Path("nca-test-2022-gost512", "legal", revoked ? "revoked" : "valid", role + ".p12"));

    public static (X509Certificate2 Certificate, GostPrivateKey Key) Individual(bool revoked = false) =>
        Load(Path("nca-test-2022-gost512", "individual", revoked ? "revoked" : "valid", $"individual_{(revoked ? "revoked" : "valid")}.p12"));

    public static (X509Certificate2 Certificate, GostPrivateKey Key) Load(string pkcs12Path) => GostPkcs12.Load(File.ReadAllBytes(pkcs12Path), Password);

    /// <summary>The trust settings of a gateway that trusts the НУЦ РК GOST test root, its issuing CA and its CRL.</summary>
    public static Dictionary<string, string?> TrustSettings() => new()
    {
        ["Esf:Security:TrustedCaPaths:0"] = RootPath,
        ["Esf:Security:TrustedCaPaths:1"] = IssuingCaPath,
        ["Esf:Security:CrlPaths:0"] = CrlPath,
    };

    /// <summary>A validator trusting the test PKI, with its clock at <paramref name="now"/>.</summary>
    public static CertificateValidator Validator(DateTimeOffset now, bool acceptStaleCrls = false) => new(
        Options.Create(new SecurityOptions
        {
            TrustedCaPaths = [RootPath, IssuingCaPath], CrlPaths = [CrlPath], AcceptStaleCrls = acceptStaleCrls,
        }),
        new ShiftedClock(now), NullLogger<CertificateValidator>.Instance);

    private static T Ignored<T>(string reason)
    {
        if (TestServices.IsCi)
        {
            Assert.Fail(reason);
        }

        Assert.Ignore(reason);
        return default!;
    }
}
