using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Dapper;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Signatures;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Esf.Infrastructure.Sandbox;

/// <summary>
/// The sandbox's test CAs, RSA and GOST (<see cref="SandboxGostAuthority"/>): issue НУЦ РК-style keys as PKCS#12, revoke them,
/// and publish their certificates and CRLs. Each CA is made once per database (<c>sandbox_authority</c>,
/// <c>sandbox_gost_authority</c>) and shared by every process; while the sandbox is on the certificate validator trusts both
/// beside the configured trust store (<see cref="Check"/>), so their revocations are refused at once.
/// </summary>
public sealed class SandboxAuthority(NpgsqlDataSource database, IOptions<SandboxOptions> options, TimeProvider clock) : IDisposable
{
    private const string CaName = "ESF GATEWAY SANDBOX CA";
    private readonly Lazy<DevelopmentCertificateAuthority> authority = new(() => LoadOrCreate(database));
    private readonly Lazy<SandboxGostAuthority> gost = new(() => SandboxGostAuthority.LoadOrCreate(database, clock.GetUtcNow()));

    /// <summary>The CA certificate (public part) of <paramref name="algorithm"/>, for clients to configure trust.</summary>
    public byte[] CertificateDer(KeyAlgorithm algorithm) =>
        algorithm == KeyAlgorithm.Gost ? gost.Value.Certificate.RawData : authority.Value.Certificate.RawData;

    public async Task<IssuedKey> IssueAsync(KeyRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var (certificate, pkcs12) = Issue(request, password, now);
        using var _ = certificate;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO sandbox_keys (serial_number, iin, bin, algorithm, purpose, issued_at) VALUES (@Serial, @Iin, @Bin, @Algorithm, @Purpose, @Now)
            """, new
            {
                Serial = certificate.SerialNumber, request.Iin, request.Bin, Algorithm = Stored(request.Algorithm),
                Purpose = request.Purpose.ToString(), Now = now,
            },
            cancellationToken: cancellationToken));
        return new IssuedKey(certificate.SerialNumber, Convert.ToBase64String(pkcs12), password, Convert.ToBase64String(certificate.RawData));
    }

    /// <summary>False when the sandbox CA never issued this serial number; revoking twice keeps the first date.</summary>
    public async Task<bool> RevokeAsync(string serialNumber, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sandbox_keys SET revoked_at = coalesce(revoked_at, @Now) WHERE serial_number = @Serial",
            new { Serial = serialNumber.ToUpperInvariant(), Now = clock.GetUtcNow() }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The current CRL (DER) of <paramref name="algorithm"/>'s CA, numbered by the time it was made so that a newer list always has a higher number.</summary>
    public async Task<byte[]> CrlAsync(KeyAlgorithm algorithm, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var revoked = await connection.QueryAsync<(string Serial, DateTimeOffset RevokedAt)>(new CommandDefinition(
            "SELECT serial_number, revoked_at FROM sandbox_keys WHERE revoked_at IS NOT NULL AND algorithm = @Algorithm",
            new { Algorithm = Stored(algorithm) }, cancellationToken: cancellationToken));
        var now = clock.GetUtcNow();
        var entries = revoked.Select(r => (Convert.FromHexString(r.Serial), r.RevokedAt));
        var number = new BigInteger(now.ToUnixTimeSeconds());
        return algorithm == KeyAlgorithm.Gost ? gost.Value.BuildCrl(entries, number, now) : authority.Value.BuildCrl(entries, number, now);
    }

    /// <summary>
    /// For the certificate validator: false when the sandbox is off or did not issue <paramref name="certificate"/> (the
    /// configured trust decides); true when it did and the key is current; <c>CERTIFICATE_REVOKED</c> when it was revoked.
    /// </summary>
    public bool Check(X509Certificate2 certificate)
    {
        if (!options.Value.Enabled || !IssuedHere(certificate))
        {
            return false;
        }

        using var connection = database.OpenConnection();
        var revoked = connection.ExecuteScalar<bool>(
            "SELECT revoked_at IS NOT NULL FROM sandbox_keys WHERE serial_number = @Serial", new { Serial = certificate.SerialNumber });
        return revoked ? throw EsfException.Code("CERTIFICATE_REVOKED") : true;
    }

    public void Dispose()
    {
        if (authority.IsValueCreated)
        {
            authority.Value.Dispose();
        }

        if (gost.IsValueCreated)
        {
            gost.Value.Certificate.Dispose();
        }
    }

    private (X509Certificate2 Certificate, byte[] Pkcs12) Issue(KeyRequest request, string password, DateTimeOffset now)
    {
        var roles = SandboxRoles.OidsOf(request.Role);
        if (request.Algorithm == KeyAlgorithm.Gost)
        {
            return gost.Value.Issue(request, roles, password, now.AddDays(-1), now.AddYears(1));
        }

        var certificate = authority.Value.Issue(request.Name, request.Iin, request.Bin, request.Purpose, now.AddDays(-1), now.AddYears(1), roles);
        return (certificate, certificate.Export(X509ContentType.Pkcs12, password));
    }

    /// <summary>How <c>sandbox_keys.algorithm</c> names the CA that issued a key: RSA or GOST.</summary>
    private static string Stored(KeyAlgorithm algorithm) => algorithm.ToString().ToUpperInvariant();

    private bool IssuedHere(X509Certificate2 certificate) => SignatureVerifier.IsGost(certificate)
        ? gost.Value.Issued(certificate, clock.GetUtcNow())
        : certificate.Issuer == authority.Value.Certificate.Subject && IssuedBy(certificate, authority.Value.Certificate);

    private static bool IssuedBy(X509Certificate2 certificate, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        // Dates are the validator's business (with its clock); here only the signature counts.
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        return chain.Build(certificate);
    }

    /// <summary>The stored CA, or a new one stored first; two processes starting together keep whichever was stored first.</summary>
    private static DevelopmentCertificateAuthority LoadOrCreate(NpgsqlDataSource database)
    {
        using var fresh = new DevelopmentCertificateAuthority(CaName);
        using var connection = database.OpenConnection();
        connection.Execute("INSERT INTO sandbox_authority (id, pkcs12) VALUES (1, @Pkcs12) ON CONFLICT (id) DO NOTHING",
            new { Pkcs12 = fresh.Certificate.Export(X509ContentType.Pkcs12) });
        var stored = connection.ExecuteScalar<byte[]>("SELECT pkcs12 FROM sandbox_authority WHERE id = 1")!;
        return new DevelopmentCertificateAuthority(X509CertificateLoader.LoadPkcs12(stored, null, X509KeyStorageFlags.Exportable));
    }
}
