using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Esf.Infrastructure.Signatures;
using Esf.Infrastructure.Signatures.Gost;

namespace Esf.Api.Cli;

/// <summary>
/// A signing key with its certificate: RSA from a PKCS#12 file or a PEM key and certificate pair, or GOST from an НУЦ РК
/// PKCS#12 file (read with <see cref="GostPkcs12"/>, as .NET cannot open those).
/// </summary>
public sealed class SigningKey : IDisposable
{
    private readonly X509Certificate2 certificate;
    private readonly RSA? rsa;
    private readonly GostPrivateKey? gost;

    private SigningKey(X509Certificate2 certificate, RSA? rsa, GostPrivateKey? gost)
    {
        this.certificate = certificate;
        this.rsa = rsa;
        this.gost = gost;
    }

    /// <summary>The certificate as the API's <c>certificate</c> fields take it: Base64 DER.</summary>
    public string CertificateBase64 => Convert.ToBase64String(certificate.RawData);

    /// <summary>The ИИН the certificate names (the login of ticket sign-in), if any.</summary>
    public string? Iin => CertificateParser.Subject(certificate).Iin;

    /// <summary>"RSA" or the GOST algorithm's name, for messages.</summary>
    public string Algorithm => gost?.Algorithm.Name ?? "RSA";

    /// <summary>The <c>signature</c> of a text (invoice body, id list): RSA PKCS#1 v1.5 SHA-256 or GOST over its UTF-8 bytes, in Base64.</summary>
    public string Sign(string body) => gost is not null ? InvoiceSignatureVerifier.Sign(body, gost) : InvoiceSignatureVerifier.Sign(body, rsa!);

    /// <summary>The auth ticket signed as enveloped XML-DSig with this key, the certificate in KeyInfo.</summary>
    public string SignXml(string xml) => gost is not null ? EnvelopedXmlSignature.Sign(xml, certificate, gost) : EnvelopedXmlSignature.Sign(xml, certificate);

    public static SigningKey FromPkcs12(string path, string? password)
    {
        EnsureExists(path, "PKCS#12 file");
        var bytes = File.ReadAllBytes(path);
        X509Certificate2? loaded = null;
        try
        {
            loaded = X509CertificateLoader.LoadPkcs12(bytes, password, X509KeyStorageFlags.EphemeralKeySet);
            if (loaded.GetRSAPrivateKey() is { } key)
            {
                return new SigningKey(loaded, key, null);
            }
        }
        catch (CryptographicException)
        {
            // Not one .NET can open (an НУЦ РК GOST file): read as GOST below.
        }

        loaded?.Dispose();
        try
        {
            var (certificate, key) = GostPkcs12.Load(bytes, password ?? "");
            return new SigningKey(certificate, null, key);
        }
        catch (CryptographicException e)
        {
            throw new CliException($"Cannot open {path}: wrong password, or not a PKCS#12 file with an RSA or GOST key ({e.Message}).");
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
            return new SigningKey(pair, pair.GetRSAPrivateKey() ?? throw new CliException($"{keyPath} holds no RSA private key."), null);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new CliException($"Cannot read the key {keyPath} with the certificate {certificatePath}: {e.Message}");
        }
    }

    public void Dispose()
    {
        rsa?.Dispose();
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
