using System.Security.Cryptography.X509Certificates;
using Esf.Infrastructure.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Esf.Infrastructure.Security;

/// <summary>
/// Checks a client certificate the way the real service does, answering its errorCodes: validity dates, key usage for the
/// purpose, the chain to a configured trusted CA and the configured CRLs (see <see cref="SecurityOptions"/>).
/// </summary>
public sealed class CertificateValidator(IOptions<SecurityOptions> options, TimeProvider clock, ILogger<CertificateValidator> logger)
{
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";
    private const string EmailProtection = "1.3.6.1.5.5.7.3.4";

    private readonly Lock gate = new();
    private (string Stamp, TrustMaterial Material)? cache;
    private bool warned;

    /// <summary>Throws <see cref="EsfException"/> with the real errorCode when the certificate may not be used for <paramref name="purpose"/>.</summary>
    public void Validate(X509Certificate2 certificate, CertificatePurpose purpose)
    {
        var now = clock.GetUtcNow();
        if (now < certificate.NotBefore.ToUniversalTime())
        {
            throw EsfException.Code("CERTIFICATE_NOT_YET_VALID");
        }

        if (now > certificate.NotAfter.ToUniversalTime())
        {
            throw EsfException.Code("CERTIFICATE_EXPIRED");
        }

        if (!AllowsPurpose(certificate, purpose))
        {
            throw EsfException.Code(purpose == CertificatePurpose.Authentication ? "CERTIFICATE_IS_NOT_FOR_AUTH" : "CERTIFICATE_IS_NOT_FOR_SIGNING");
        }

        var trust = Trust();
        if (trust is null)
        {
            return;
        }

        if (!ChainsToTrustedAuthority(certificate, trust, now))
        {
            throw EsfException.Code("CERTIFICATE_NOT_VALID");
        }

        if (trust.RevocationLists.Any(list => list.IsRevoked(certificate)))
        {
            throw EsfException.Code("CERTIFICATE_REVOKED");
        }
    }

    /// <summary>
    /// AUTH keys carry the clientAuth extended usage, signing keys emailProtection (НУЦ РК profiles); a key without an
    /// extended-usage extension is judged by its key usage alone. The unified 2023+ keys carry both and serve both.
    /// </summary>
    private static bool AllowsPurpose(X509Certificate2 certificate, CertificatePurpose purpose)
    {
        var keyUsage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        var required = purpose == CertificatePurpose.Authentication
            ? X509KeyUsageFlags.DigitalSignature
            : X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation;
        if (keyUsage is not null && (keyUsage.KeyUsages & required) == 0)
        {
            return false;
        }

        var extended = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault();
        return extended is null
            || extended.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>()
                .Any(oid => oid.Value == (purpose == CertificatePurpose.Authentication ? ClientAuthentication : EmailProtection));
    }

    private static bool ChainsToTrustedAuthority(X509Certificate2 certificate, TrustMaterial trust, DateTimeOffset now)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trust.Authorities.Where(IsSelfSigned).ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(trust.Authorities.Where(ca => !IsSelfSigned(ca)).ToArray());
        // Revocation is decided by the configured CRLs below, never by fetching from the network.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        return chain.Build(certificate) && !IsSelfSigned(certificate);
    }

    private static bool IsSelfSigned(X509Certificate2 certificate) => certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);

    private TrustMaterial? Trust()
    {
        var settings = options.Value;
        if (!settings.ChecksChain)
        {
            if (!warned)
            {
                warned = true;
                logger.LogWarning("Esf:Security:TrustedCaPaths is empty: certificate chains and revocation are not checked (development trust)");
            }

            return null;
        }

        var stamp = TrustMaterial.Stamp(settings);
        lock (gate)
        {
            if (cache is not { } current || current.Stamp != stamp)
            {
                cache = (stamp, TrustMaterial.Load(settings));
            }

            return cache.Value.Material;
        }
    }
}
