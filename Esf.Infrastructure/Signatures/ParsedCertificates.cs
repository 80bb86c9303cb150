using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Esf.Infrastructure.Signatures;

/// <summary>
/// Each distinct certificate parsed once per process, keyed by the SHA-256 of its DER bytes: an upload carries one certificate
/// for all its invoices and a client sends the same one upload after upload, while parsing it and extracting its key cost several
/// RSA checks (issue 17). Shared by the gateway's upload and the worker's signature check; bounded by
/// <see cref="EsfOptions.CertificateCacheSize"/>.
/// </summary>
public sealed class ParsedCertificates(IOptions<EsfOptions> options)
{
    private readonly ConcurrentDictionary<string, Lazy<ParsedCertificate?>> entries = new(StringComparer.Ordinal);
    private long parses;

    /// <summary>How many certificates were parsed (cache misses) since start: what the tests count.</summary>
    public long Parses => Interlocked.Read(ref parses);

    /// <summary>How many certificates are held now (at most <see cref="EsfOptions.CertificateCacheSize"/>).</summary>
    public int Count => entries.Count;

    /// <summary>The parsed certificate of <paramref name="text"/> (Base64 DER or PEM); null when it is not a readable certificate.</summary>
    public ParsedCertificate? Get(string? text)
    {
        if (!CertificateParser.TryReadDer(text, out var der))
        {
            return null;
        }

        var key = Convert.ToBase64String(SHA256.HashData(der));
        if (entries.TryGetValue(key, out var known))
        {
            return known.Value;
        }

        // Full: start again rather than track use. The bound only matters when more distinct certificates arrive than it holds,
        // and then any eviction order parses them again; the certificates dropped are left to the collector, not disposed,
        // because a batch may still be verifying with one.
        if (entries.Count >= options.Value.CertificateCacheSize)
        {
            entries.Clear();
        }

        // One Lazy per key wins the race, so two threads asking for a new certificate at once parse it once.
        return entries.GetOrAdd(key, _ => new Lazy<ParsedCertificate?>(() =>
        {
            Interlocked.Increment(ref parses);
            return ParsedCertificate.From(der);
        })).Value;
    }
}
