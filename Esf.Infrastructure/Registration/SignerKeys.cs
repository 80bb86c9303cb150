using System.Collections.Concurrent;
using Esf.Domain.Rules;
using Esf.Infrastructure.Signatures;

namespace Esf.Infrastructure.Registration;

/// <summary>
/// The signers of one batch, each certificate judged once per batch: every invoice of an upload carries the same certificate.
/// The certificate's parsing and key come from <see cref="ParsedCertificates"/> (once per process); whether it is accepted for
/// signing (in date, trusted, unrevoked) is decided here, for this batch, because it changes with the clock and the CRLs.
/// The keys are kept with the parsed certificate (<see cref="ParsedCertificate.Verify"/>), so a check is the bare RSA or GOST operation.
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

    /// <summary>Forgets the batch's judgments; the parsed certificates and their keys stay in <see cref="ParsedCertificates"/>.</summary>
    public void Dispose() => signers.Clear();

    /// <summary>A batch's signer: the certificate parsed once per process, and whether it may sign, judged for this batch.</summary>
    internal sealed class Signer(ParsedCertificate certificate, bool acceptedForSigning)
    {
        public CertificateSubject Subject => certificate.Subject;

        /// <summary>In date, meant for signing, chained to a trusted CA and not revoked (checked once per batch).</summary>
        public bool AcceptedForSigning { get; } = acceptedForSigning;

        public bool Verify(string body, string signature) => InvoiceSignatureVerifier.Verify(body, signature, certificate);

        public static Signer? TryCreate(ParsedCertificate? certificate, Security.CertificateValidator validator) =>
            certificate is { HasSigningKey: true }
                ? new Signer(certificate, validator.Accepts(certificate.Certificate, Security.CertificatePurpose.Signing))
                : null;
    }
}
