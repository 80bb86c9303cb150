using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Esf.Infrastructure.Signatures;

/// <summary>
/// Verifies an invoice signature: Base64 of RSA PKCS#1 v1.5 with SHA-256 over the exact UTF-8 bytes of the body as sent,
/// checked with the public key of the upload's certificate.
/// </summary>
public static class InvoiceSignatureVerifier
{
    public static bool Verify(string body, string signatureBase64, X509Certificate2 certificate)
    {
        using var rsa = certificate.GetRSAPublicKey();
        return rsa is not null && Verify(body, signatureBase64, rsa);
    }

    /// <summary>The same check with a public key already imported (the worker imports each batch's key once).</summary>
    public static bool Verify(string body, string signatureBase64, RSA publicKey)
    {
        var signature = new byte[signatureBase64.Length];
        if (!Convert.TryFromBase64String(signatureBase64, signature, out var length))
        {
            return false;
        }

        return publicKey.VerifyData(Encoding.UTF8.GetBytes(body), signature.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>Signs a body the way clients must (used by the <c>sign</c> verb and the tests).</summary>
    public static string Sign(string body, RSA key) =>
        Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(body), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
}
