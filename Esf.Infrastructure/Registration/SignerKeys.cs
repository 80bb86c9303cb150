using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Esf.Domain.Rules;
using Esf.Infrastructure.Signatures;
using Esf.Infrastructure.Signatures.Gost;

namespace Esf.Infrastructure.Registration;

/// <summary>
/// The signers of one batch, each certificate judged once per batch: every invoice of an upload carries the same certificate.
/// The certificate's parsing and key come from <see cref="ParsedCertificates"/> (once per process); whether it is accepted for
/// signing (in date, trusted, unrevoked) is decided here, for this batch, because it changes with the clock and the CRLs.
/// RSA objects are not documented as thread-safe, so each thread verifying in parallel gets its own copy of the public key; a
/// GOST key is immutable and shared.
/// </summary>
internal sealed class SignerKeys(Security.CertificateValidator validator, ParsedCertificates certificates) : IDisposable
{
    private readonly ConcurrentDictionary<string, Signer?> signers = new(StringComparer.Ordinal);

    /// <summary>The signer of <paramref name="certificate"/>, or null when it is not a certificate with an RSA or GOST key.</summary>
    public Signer? For(string certificate) => signers.GetOrAdd(certificate, text => Signer.TryCreate(certificates.Get(text), validator));

    /// <summary>The problem recorded for a stored document whose certificate cannot be read.</summary>
    public const string UnreadableCertificate = "сертификат не читается (the certificate cannot be read)";

    /// <summary>The signature check of a document that could not be read or whose certificate could not.</summary>
    public static readonly SignatureCheck Unreadable = new(false, null, null);

    /// <summary>
    /// What the registration rules read about a stored document's signature (invoice or waybill): it counts only when it verifies
    /// the exact body with a certificate accepted for signing. Null when the certificate cannot be read at all.
    /// </summary>
    public SignatureCheck? Check(string body, string signature, string certificate, string signatureType) => For(certificate) is { } signer
        ? new SignatureCheck(signer.AcceptedForSigning && signer.Verify(body, signature), signer.Subject.Iin, signer.Subject.Bin, signatureType,
            signer.Subject.MaySignForEntity)
        : null;

    public void Dispose()
    {
        foreach (var signer in signers.Values)
        {
            signer?.Dispose();
        }
    }

    internal sealed class Signer : IDisposable
    {
        private readonly ThreadLocal<RSA>? rsaKeys;
        private readonly GostPublicKey? gostKey;

        private Signer(ParsedCertificate certificate, bool acceptedForSigning)
        {
            Subject = certificate.Subject;
            AcceptedForSigning = acceptedForSigning;
            rsaKeys = certificate.RsaPublicKey is { } rsaPublicKey ? new ThreadLocal<RSA>(() => ImportKey(rsaPublicKey), trackAllValues: true) : null;
            gostKey = certificate.GostKey;
        }

        public CertificateSubject Subject { get; }

        /// <summary>In date, meant for signing, chained to a trusted CA and not revoked (checked once per batch).</summary>
        public bool AcceptedForSigning { get; }

        public bool Verify(string body, string signature) => gostKey is not null
            ? InvoiceSignatureVerifier.Verify(body, signature, gostKey)
            : InvoiceSignatureVerifier.Verify(body, signature, rsaKeys!.Value!);

        public static Signer? TryCreate(ParsedCertificate? certificate, Security.CertificateValidator validator) =>
            certificate is { HasSigningKey: true }
                ? new Signer(certificate, validator.Accepts(certificate.Certificate, Security.CertificatePurpose.Signing))
                : null;

        public void Dispose()
        {
            if (rsaKeys is null)
            {
                return;
            }

            foreach (var key in rsaKeys.Values)
            {
                key.Dispose();
            }

            rsaKeys.Dispose();
        }

        private static RSA ImportKey(byte[] publicKey)
        {
            var rsa = RSA.Create();
            rsa.ImportSubjectPublicKeyInfo(publicKey, out _);
            return rsa;
        }
    }
}
