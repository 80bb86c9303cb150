using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Esf.Infrastructure.Signatures;

namespace Esf.Api.Cli;

/// <summary>An RSA signing key with its certificate, from a PKCS#12 file or a PEM key and certificate pair.</summary>
public sealed class SigningKey : IDisposable
{
    private readonly X509Certificate2 certificate;
    private readonly RSA key;

    private SigningKey(X509Certificate2 loaded, string source)
    {
        certificate = loaded;
        key = loaded.GetRSAPrivateKey() ?? throw new CliException($"{source} holds no RSA private key; invoices are signed with RSA.");
    }

    /// <summary>The certificate as the API's <c>certificate</c> fields take it: Base64 DER.</summary>
    public string CertificateBase64 => Convert.ToBase64String(certificate.RawData);

    /// <summary>The <c>signature</c> of a body: RSA PKCS#1 v1.5 with SHA-256 over its UTF-8 bytes, in Base64.</summary>
    public string Sign(string body) => InvoiceSignatureVerifier.Sign(body, key);

    public static SigningKey FromPkcs12(string path, string? password)
    {
        EnsureExists(path, "PKCS#12 file");
        try
        {
            return new SigningKey(X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet), path);
        }
        catch (CryptographicException e)
        {
            throw new CliException($"Cannot open {path}: wrong password or not a PKCS#12 file ({e.Message}).");
        }
    }

    public static SigningKey FromPem(string keyPath, string certificatePath, string? password)
    {
        EnsureExists(keyPath, "Key file");
        EnsureExists(certificatePath, "Certificate file");
        try
        {
            var pair = password is null
                ? X509Certificate2.CreateFromPemFile(certificatePath, keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(certificatePath, password, keyPath);
            return new SigningKey(pair, keyPath);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new CliException($"Cannot read the key {keyPath} with the certificate {certificatePath}: {e.Message}");
        }
    }

    public void Dispose()
    {
        key.Dispose();
        certificate.Dispose();
    }

    private static void EnsureExists(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"{what} not found: {path}");
        }
    }
}
