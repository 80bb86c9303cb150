using System.Buffers;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Esf.Bench;

/// <summary>
/// The physical limit's parts, each alone on one core (µs per document), and all of them together on every core (documents/s).
/// </summary>
/// <param name="ReadMicros">Copying the body's UTF-8 bytes once, as reading them off the socket does.</param>
/// <param name="HashMicros">SHA-256 of the bytes (the stored hash; the same digest is the one the signature signs).</param>
/// <param name="VerifyMicros">One RSA-2048 PKCS#1 verify of that digest with the sender's key parsed beforehand (Base64 decode included).</param>
/// <param name="CopyMicros">One row per document (id, hash, signature, body bytes) by binary COPY into a logged table without indexes,
/// the body stored as it came (no compression), one COPY and commit per batch.</param>
/// <param name="BusyShare">How busy the machine's cores were during the all-cores run.</param>
public sealed record PhysicalResult(
    int Documents, double ReadMicros, double HashMicros, double VerifyMicros, double CopyMicros, double PerSecond, double BusyShare)
{
    public double TotalMicros => ReadMicros + HashMicros + VerifyMicros + CopyMicros;
}

/// <summary>
/// The per-document work no implementation can avoid (issue 17, item 2): read the bytes once, hash them, verify one RSA signature with
/// the key already parsed, write one row. Whatever the pipeline does beyond this (XML parse and rules, JSON, HTTP, the broker, status
/// rows, indexes) is what separates it from this limit.
/// </summary>
public static class PhysicalLimit
{
    public static async Task<PhysicalResult> MeasureAsync(
        IReadOnlyList<SignedDocument> documents, int batch, string connectionString, CancellationToken cancellationToken)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using (var setup = database.CreateCommand("""
            CREATE TABLE IF NOT EXISTS bench_physical (id bigint, hash bytea, signature bytea, body bytea);
            ALTER TABLE bench_physical ALTER COLUMN body SET STORAGE EXTERNAL;
            TRUNCATE bench_physical;
            """))
        {
            await setup.ExecuteNonQueryAsync(cancellationToken);
        }

        // As the wire brings them: the body's UTF-8 bytes and the Base64 signature.
        var items = documents.Select((d, i) => new Item(i, d.Sender, Encoding.UTF8.GetBytes(d.Body), d.Signature)).ToList();
        using var keys = new KeyRing(documents, Environment.ProcessorCount);
        var buffer = new byte[items.Max(i => i.Body.Length)];
        var hash = new byte[SHA256.HashSizeInBytes];
        var digests = items.Select(i => SHA256.HashData(i.Body)).ToArray();
        var read = InProcessLimit.MicrosPerDocument(items, i => i.Body.CopyTo(buffer, 0));
        var sha = InProcessLimit.MicrosPerDocument(items, i => SHA256.HashData(i.Body, hash));
        var lane = keys.Take();
        var verify = InProcessLimit.MicrosPerDocument(items, i => Verify(lane[i.Sender], digests[i.Id], Convert.FromBase64String(i.Signature)));
        keys.Return(lane);

        var copyClock = Stopwatch.StartNew();
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            foreach (var chunk in items.Chunk(batch))
            {
                await CopyAsync(connection, chunk.Select(i => (i, digests[i.Id], Convert.FromBase64String(i.Signature))).ToList(), cancellationToken);
            }
        }

        var copy = copyClock.Elapsed.TotalMicroseconds / items.Count;
        await TruncateAsync(database, cancellationToken);

        // All of it on every core: uploads as the clients make them (one sender per batch), each read, hashed, verified, then copied.
        var chunks = items.GroupBy(i => i.Sender).SelectMany(g => g.Chunk(batch)).ToList();
        var (clock, busy0) = (Stopwatch.StartNew(), ProcStats.MachineBusySeconds());
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (chunk, ct) =>
            {
                var rows = new List<(Item, byte[], byte[])>(chunk.Length);
                var keysOfLane = keys.Take();
                var scratch = ArrayPool<byte>.Shared.Rent(buffer.Length);
                foreach (var item in chunk)
                {
                    item.Body.CopyTo(scratch, 0);
                    var digest = SHA256.HashData(scratch.AsSpan(0, item.Body.Length));
                    var signature = Convert.FromBase64String(item.Signature);
                    Verify(keysOfLane[item.Sender], digest, signature);
                    rows.Add((item, digest, signature));
                }

                ArrayPool<byte>.Shared.Return(scratch);
                keys.Return(keysOfLane);
                await using var connection = await database.OpenConnectionAsync(ct);
                await CopyAsync(connection, rows, ct);
            });
        var perSecond = items.Count / clock.Elapsed.TotalSeconds;
        var busyShare = (ProcStats.MachineBusySeconds() - busy0) / (clock.Elapsed.TotalSeconds * Environment.ProcessorCount);
        await TruncateAsync(database, cancellationToken);
        return new PhysicalResult(items.Count, read, sha, verify, copy, perSecond, busyShare);
    }

    private static void Verify(RSA key, byte[] digest, byte[] signature)
    {
        if (!key.VerifyHash(digest, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            throw new InvalidOperationException("Physical limit: signature invalid");
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<(Item Item, byte[] Hash, byte[] Signature)> rows, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY bench_physical (id, hash, signature, body) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (item, hash, signature) in rows)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync((long)item.Id, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(hash, NpgsqlDbType.Bytea, cancellationToken);
            await copy.WriteAsync(signature, NpgsqlDbType.Bytea, cancellationToken);
            await copy.WriteAsync(item.Body, NpgsqlDbType.Bytea, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task TruncateAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("TRUNCATE bench_physical");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record Item(int Id, Sender Sender, byte[] Body, string Signature);

    /// <summary>
    /// The senders' public keys, parsed before the clock: one set per parallel lane, since an RSA object is not guaranteed to be safe for
    /// concurrent use.
    /// </summary>
    private sealed class KeyRing : IDisposable
    {
        private readonly System.Collections.Concurrent.ConcurrentBag<Dictionary<Sender, RSA>> _free = [];
        private readonly List<Dictionary<Sender, RSA>> _lanes;

        public KeyRing(IReadOnlyList<SignedDocument> documents, int lanes)
        {
            var senders = documents.Select(d => d.Sender).Distinct().ToArray();
            _lanes = Enumerable.Range(0, lanes).Select(_ => senders.ToDictionary(s => s, s => s.Certificate.GetRSAPublicKey()!)).ToList();
            foreach (var lane in _lanes)
            {
                _free.Add(lane);
            }
        }

        public Dictionary<Sender, RSA> Take() =>
            _free.TryTake(out var lane) ? lane : throw new InvalidOperationException("More parallel lanes than key sets.");

        public void Return(Dictionary<Sender, RSA> lane) => _free.Add(lane);

        public void Dispose()
        {
            foreach (var key in _lanes.SelectMany(l => l.Values))
            {
                key.Dispose();
            }
        }
    }
}
