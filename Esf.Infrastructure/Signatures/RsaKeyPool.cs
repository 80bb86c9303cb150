using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Esf.Infrastructure.Signatures;

/// <summary>
/// One certificate's RSA public key, imported once per verifying thread and then kept for the life of the parsed certificate
/// (issue 17): importing a key costs ≈ 130 µs, four times the RSA check itself. RSA objects are not documented as thread-safe,
/// so each check rents a key of its own and gives it back; the pool keeps at most <see cref="Kept"/> (one per core, twice over),
/// since no more checks of one certificate than cores run at once. A key not kept is disposed; the kept ones are left to the
/// collector with the certificate (a batch may still be verifying when the cache drops it).
/// </summary>
internal sealed class RsaKeyPool(byte[] subjectPublicKeyInfo)
{
    private static readonly int Kept = Environment.ProcessorCount * 2;
    private readonly ConcurrentBag<RSA> idle = [];
    // Counted here because ConcurrentBag.Count takes every thread's lock: too dear for every check.
    private int idleCount;
    private long imports;

    /// <summary>How many times the key was imported: what the tests count.</summary>
    public long Imports => Interlocked.Read(ref imports);

    /// <summary>RSA PKCS#1 v1.5 with SHA-256 over <paramref name="data"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        var key = Rent();
        try
        {
            return key.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        finally
        {
            GiveBack(key);
        }
    }

    private RSA Rent()
    {
        if (idle.TryTake(out var kept))
        {
            Interlocked.Decrement(ref idleCount);
            return kept;
        }

        return Import();
    }

    private void GiveBack(RSA key)
    {
        if (Interlocked.Increment(ref idleCount) <= Kept)
        {
            idle.Add(key);
            return;
        }

        Interlocked.Decrement(ref idleCount);
        key.Dispose();
    }

    private RSA Import()
    {
        Interlocked.Increment(ref imports);
        var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        return rsa;
    }
}
