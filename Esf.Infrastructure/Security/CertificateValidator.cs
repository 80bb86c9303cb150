using System.Security.Cryptography.X509Certificates;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Signatures;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Esf.Infrastructure.Security;

/// <summary>
/// Checks a client certificate the way the real service does, answering its errorCodes: validity dates, key usage and НУЦ РК
/// role for the purpose, the chain to a configured trusted CA (RSA/ECDSA through .NET's chain engine, GOST through
/// <see cref="CertificateChain"/>) and the configured CRLs, which must be current unless stale lists are accepted
/// (see <see cref="SecurityOptions"/>). The trust material is read at start (<see cref="LoadTrust"/>) and again when a file changes.
/// While the sandbox is on, the keys of its test CA are trusted beside that material and refused once revoked.
/// </summary>
public sealed class CertificateValidator(
    IOptions<SecurityOptions> options, TimeProvider clock, ILogger<CertificateValidator> logger, Sandbox.SandboxAuthority? sandbox = null)
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

        if (sandbox?.Check(certificate) == true)
        {
            return;
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

        var lists = trust.RevocationLists.Where(list => list.Covers(certificate)).ToList();
        if (lists.Any(list => list.IsRevoked(certificate)))
        {
            throw EsfException.Code("CERTIFICATE_REVOKED");
        }

        if (lists.Count > 0 && lists.All(list => list.IsStaleAt(now)))
        {
            RefuseStale(certificate, lists.Max(list => list.NextUpdate!.Value));
        }
    }

    /// <summary>True when <see cref="Validate"/> would pass (for checks that record an outcome rather than refuse).</summary>
    public bool Accepts(X509Certificate2 certificate, CertificatePurpose purpose)
    {
        try
        {
            Validate(certificate, purpose);
            return true;
        }
        catch (EsfException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads the configured CA certificates and CRLs now: called at start, so a missing or unusable file stops the process with a
    /// message naming it (<see cref="TrustMaterialException"/>) instead of failing requests later.
    /// </summary>
    public void LoadTrust() => Trust();

    /// <summary>
    /// AUTH keys carry the clientAuth extended usage, signing keys emailProtection (НУЦ РК profiles); a key without an
    /// extended-usage extension is judged by its key usage alone. An НУЦ РК key that states a holder role, emailProtection and a
    /// key-agreement usage is the unified key (one GOST key for both since 2023) and serves both. The role decides the rest: an
    /// information system's key never logs in (it names no person), and signs without emailProtection.
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
        if (extended is null)
        {
            return true;
        }

        var usages = extended.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(oid => oid.Value).ToList();
        var roles = NcaRoleOids.Of(usages);
        if (purpose == CertificatePurpose.Authentication)
        {
            var unified = NcaRoleOids.IsNcaProfile(roles) && usages.Contains(EmailProtection)
                && keyUsage is not null && (keyUsage.KeyUsages & (X509KeyUsageFlags.KeyAgreement | X509KeyUsageFlags.KeyEncipherment)) != 0;
            return NcaRoleOids.MayLogIn(roles) && (usages.Contains(ClientAuthentication) || unified);
        }

        return usages.Contains(EmailProtection) || (roles & NcaRoles.InformationSystem) != 0;
    }

    private static bool ChainsToTrustedAuthority(X509Certificate2 certificate, TrustMaterial trust, DateTimeOffset now)
    {
        if (CertificateChain.IsSelfSigned(certificate))
        {
            return false;
        }

        if (SignatureVerifier.IsGost(certificate))
        {
            return CertificateChain.ChainsToTrustedRoot(certificate, trust.Authorities, now);
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trust.Authorities.Where(CertificateChain.IsSelfSigned).ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(trust.Authorities.Where(ca => !CertificateChain.IsSelfSigned(ca)).ToArray());
        // Revocation is decided by the configured CRLs, never by fetching from the network.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        return chain.Build(certificate);
    }

    private void RefuseStale(X509Certificate2 certificate, DateTimeOffset nextUpdate)
    {
        if (options.Value.AcceptStaleCrls)
        {
            logger.LogWarning("The CRL of {Issuer} is past its nextUpdate {NextUpdate:O}; accepted because Esf:Security:AcceptStaleCrls is on",
                certificate.Issuer, nextUpdate);
            return;
        }

        logger.LogError("The CRL of {Issuer} is past its nextUpdate {NextUpdate:O}: its certificates are refused until a current CRL is installed "
            + "(Esf:Security:CrlPaths) or Esf:Security:AcceptStaleCrls is set", certificate.Issuer, nextUpdate);
        throw EsfException.Code("OCSP_NOT_AVAILABLE");
    }

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
                cache = (stamp, Reload(settings, cache?.Material));
            }

            return cache.Value.Material;
        }
    }

    /// <summary>A file replaced by a broken one after start keeps the material read before (logged), never fails a request.</summary>
    private TrustMaterial Reload(SecurityOptions settings, TrustMaterial? previous)
    {
        try
        {
            return TrustMaterial.Load(settings);
        }
        catch (TrustMaterialException e) when (previous is not null)
        {
            logger.LogError(e, "Trust material not reloaded, the previous CA certificates and CRLs stay in use: {Problem}", e.Message);
            return previous;
        }
    }
}
