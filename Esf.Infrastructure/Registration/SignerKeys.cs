using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Esf.Infrastructure.Signatures;

namespace Esf.Infrastructure.Registration;

/// <summary>
/// The signing certificates of one batch, each parsed once: every invoice of an upload carries the same certificate, and
/// parsing it and importing its key cost about four times the RSA check itself (BENCHMARKS.md). RSA objects are not
/// documented as thread-safe, so each thread verifying in parallel gets its own copy of the public key.
/// </summary>
internal sealed class SignerKeys : IDisposable
{
    private readonly ConcurrentDictionary<string, Signer?> signers = new(StringComparer.Ordinal);

    /// <summary>The signer of <paramref name="certificate"/>, or null when it is not a certificate with an RSA key.</summary>
    public Signer? For(string certificate) => signers.GetOrAdd(certificate, Signer.TryCreate);

    public void Dispose()
    {
        foreach (var signer in signers.Values)
        {
            signer?.Dispose();
        }
    }

    internal sealed class Signer : IDisposable
    {
        private readonly ThreadLocal<RSA> keys;

        private Signer(CertificateSubject subject, byte[] publicKey)
        {
            Subject = subject;
            keys = new ThreadLocal<RSA>(() => ImportKey(publicKey), trackAllValues: true);
        }

        public CertificateSubject Subject { get; }

        public bool Verify(string body, string signature) => InvoiceSignatureVerifier.Verify(body, signature, keys.Value!);

        public static Signer? TryCreate(string certificateText)
        {
            if (!CertificateParser.TryParse(certificateText, out var certificate))
            {
                return null;
            }

            using (certificate)
            using (var rsa = certificate.GetRSAPublicKey())
            {
                return rsa is null ? null : new Signer(CertificateParser.Subject(certificate), rsa.ExportSubjectPublicKeyInfo());
            }
        }

        public void Dispose()
        {
            foreach (var key in keys.Values)
            {
                key.Dispose();
            }

            keys.Dispose();
        }

        private static RSA ImportKey(byte[] publicKey)
        {
            var rsa = RSA.Create();
            rsa.ImportSubjectPublicKeyInfo(publicKey, out _);
            return rsa;
        }
    }
}
