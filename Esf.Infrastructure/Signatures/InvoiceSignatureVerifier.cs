using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Esf.Infrastructure.Signatures.Gost;

namespace Esf.Infrastructure.Signatures;

/// <summary>
/// Verifies a document signature in Base64 over the exact UTF-8 bytes of the text as sent (an invoice body, an id list, an
/// agreement): RSA PKCS#1 v1.5 with SHA-256, or GOST in Kalkan's layout (<see cref="SignatureVerifier.VerifyDocument"/>).
/// </summary>
public static class InvoiceSignatureVerifier
{
    public static bool Verify(string body, string signatureBase64, X509Certificate2 certificate) =>
        TryDecode(signatureBase64, out var signature) && SignatureVerifier.VerifyDocument(certificate, Encoding.UTF8.GetBytes(body), signature);

    /// <summary>The same check with an RSA public key already imported (the worker imports each batch's key once): the hot path.</summary>
    public static bool Verify(string body, string signatureBase64, RSA publicKey)
    {
        var signature = new byte[signatureBase64.Length];
        if (!Convert.TryFromBase64String(signatureBase64, signature, out var length))
        {
            return false;
        }

        return publicKey.VerifyData(Encoding.UTF8.GetBytes(body), signature.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>The same check with a GOST key read once from the batch's certificate.</summary>
    public static bool Verify(string body, string signatureBase64, GostPublicKey publicKey) =>
        TryDecode(signatureBase64, out var signature) && publicKey.Verify(Encoding.UTF8.GetBytes(body), signature);

    /// <summary>Signs a body the way clients must (used by the <c>sign</c> verb and the tests).</summary>
    public static string Sign(string body, RSA key) =>
        Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(body), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    /// <summary>Signs a body with a GOST key, as Kalkan does.</summary>
    public static string Sign(string body, GostPrivateKey key) => Convert.ToBase64String(key.Sign(Encoding.UTF8.GetBytes(body)));

    private static bool TryDecode(string base64, out byte[] signature)
    {
        try
        {
            signature = Convert.FromBase64String(base64);
            return true;
        }
        catch (FormatException)
        {
            signature = [];
            return false;
        }
    }
}
