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
    // An upload's signatures are at most 400 Base64 characters (UploadChecks): decoded on the stack, longer ones on the heap.
    private const int MaxStackSignature = 512;

    public static bool Verify(string body, string signatureBase64, X509Certificate2 certificate)
    {
        using var bytes = PooledUtf8.Of(body);
        return TryDecode(signatureBase64, out var signature) && SignatureVerifier.VerifyDocument(certificate, bytes.Span, signature);
    }

    /// <summary>The same check with an RSA public key already imported (the worker imports each batch's key once): the hot path.</summary>
    public static bool Verify(string body, string signatureBase64, RSA publicKey)
    {
        var signature = signatureBase64.Length <= MaxStackSignature ? stackalloc byte[MaxStackSignature] : new byte[signatureBase64.Length];
        return Convert.TryFromBase64String(signatureBase64, signature, out var length) && Verify(body, signature[..length], publicKey);
    }

    /// <summary>
    /// The same check with a certificate parsed once (<see cref="ParsedCertificates"/>), its key kept: the worker's hot path,
    /// the bare RSA or GOST operation. The signature is decoded on the stack.
    /// </summary>
    public static bool Verify(string body, string signatureBase64, ParsedCertificate certificate)
    {
        var signature = signatureBase64.Length <= MaxStackSignature ? stackalloc byte[MaxStackSignature] : new byte[signatureBase64.Length];
        if (!Convert.TryFromBase64String(signatureBase64, signature, out var length))
        {
            return false;
        }

        using var bytes = PooledUtf8.Of(body);
        return certificate.Verify(bytes.Span, signature[..length]);
    }

    /// <summary>The same check with a GOST key read once from the batch's certificate.</summary>
    public static bool Verify(string body, string signatureBase64, GostPublicKey publicKey)
    {
        using var bytes = PooledUtf8.Of(body);
        return TryDecode(signatureBase64, out var signature) && publicKey.Verify(bytes.Span, signature);
    }

    /// <summary>Signs a body the way clients must (used by the <c>sign</c> verb and the tests).</summary>
    public static string Sign(string body, RSA key) =>
        Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(body), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    /// <summary>Signs a body with a GOST key, as Kalkan does.</summary>
    public static string Sign(string body, GostPrivateKey key) => Convert.ToBase64String(key.Sign(Encoding.UTF8.GetBytes(body)));

    private static bool Verify(string body, ReadOnlySpan<byte> signature, RSA publicKey)
    {
        using var bytes = PooledUtf8.Of(body);
        return publicKey.VerifyData(bytes.Span, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

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
