using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Esf.Tests.Cli;

/// <summary>A throw-away RSA certificate with its key, written in the files the <c>sign</c> and <c>upload</c> verbs read.</summary>
public static class TestKeys
{
    public const string Pkcs12Password = "p12-secret";

    public static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Esf CLI test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    public static string WritePkcs12(CliRun run, X509Certificate2 certificate, string name = "key.p12") =>
        run.Write(name, certificate.Export(X509ContentType.Pkcs12, Pkcs12Password));

    public static (string Key, string Certificate) WritePem(CliRun run, X509Certificate2 certificate)
    {
        using var key = certificate.GetRSAPrivateKey()!;
        return (run.Write("key.pem", System.Text.Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem())),
            run.Write("cert.pem", System.Text.Encoding.ASCII.GetBytes(certificate.ExportCertificatePem())));
    }

    public static bool Verifies(X509Certificate2 certificate, byte[] data, string signatureBase64)
    {
        using var key = certificate.GetRSAPublicKey()!;
        return key.VerifyData(data, Convert.FromBase64String(signatureBase64), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
