using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Signatures;
using Esf.Infrastructure.Xml;
using Npgsql;
using NpgsqlTypes;

namespace Esf.Bench;

/// <summary>
/// The per-invoice work of the pipeline done in this process, without HTTP, broker or status updates: each part alone on one core
/// (µs/invoice), then all of it on every core (invoices/s) — the ceiling the pipeline can be compared with.
/// </summary>
/// <param name="XmlOnlyMicros">Reading the body with XmlReader but no XSD: how much of parse+XSD the schema costs.</param>
/// <param name="RsaOnlyMicros">The bare RSA-SHA256 check with a key imported beforehand: what verify (key kept since issue 17) adds to it is the Base64 decode and the pooled UTF-8 copy.</param>
/// <param name="BusyShare">How busy the machine's cores were while everything ran on all of them (1 = every core all the time).</param>
public sealed record LimitResult(
    int Invoices, double ParseMicros, double CertificateMicros, double VerifyMicros, double CopyMicros, double InvoicesPerSecond,
    double XmlOnlyMicros, double RsaOnlyMicros, double BusyShare);

/// <summary>What one kind of document does in the pipeline besides the signature: how its body is read and how it is stored.</summary>
/// <param name="Table">The table the gateway stores it in: the scratch table copies its columns, compression and storage.</param>
/// <param name="Read">The body read as the gateway reads it (XSD included): the typed document, or null when the body is not valid.</param>
/// <param name="StoreAsync">Stores a batch of read documents in the scratch table (its name, then the first id) as the gateway does.</param>
public sealed record InProcessWork<TDocument>(
    string Table, Func<string, TDocument?> Read,
    Func<NpgsqlConnection, string, IReadOnlyList<SignedDocument>, TDocument[], long, CancellationToken, Task> StoreAsync)
    where TDocument : class
{
    public string ScratchTable => "bench_scratch_" + Table;
}

public static class InProcessLimit
{
    /// <summary>Invoices: InvoiceBodyReader, then the binary COPY of the gateway's UploadStore.</summary>
    public static readonly InProcessWork<InvoiceDocument> Invoices = new(
        "invoices", body => InvoiceBodyReader.Read(body) is { IsValid: true } read ? read.Document : null, CopyAsync);

    public static async Task<LimitResult> MeasureAsync<TDocument>(
        IReadOnlyList<SignedDocument> invoices, int batch, string connectionString, InProcessWork<TDocument> work, CancellationToken cancellationToken)
        where TDocument : class
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        // With the columns' lz4 compression and storage: before issue 17 the scratch table compressed the bodies with pglz, which
        // the invoices table no longer does (migration 0031), so the COPY part measured other work than the gateway's COPY.
        await using (var setup = database.CreateCommand(
            $"CREATE TABLE IF NOT EXISTS {work.ScratchTable} (LIKE {work.Table} INCLUDING DEFAULTS INCLUDING COMPRESSION INCLUDING STORAGE)"))
        {
            await setup.ExecuteNonQueryAsync(cancellationToken);
        }

        // The worker's certificates (issue 17): each distinct one parsed once per process, its key kept. Per invoice it costs the
        // lookup (Base64 decode, SHA-256 of the DER, a dictionary) and the bare RSA check; parsed here before any clock, as a
        // running worker has them.
        var cache = new ParsedCertificates(Microsoft.Extensions.Options.Options.Create(new Esf.Infrastructure.EsfOptions()));
        var certificates = invoices.Select(i => i.Sender).Distinct().ToDictionary(s => s, s => Parsed(cache, s.CertificateBase64));
        var documents = invoices.Select(i => work.Read(i.Body) ?? throw new InvalidOperationException("In-process limit: body unreadable")).ToArray();

        var parse = MicrosPerDocument(invoices, i => Check(work.Read(i.Body) is not null, "body invalid"));
        var certificate = MicrosPerDocument(invoices, i => Parsed(cache, i.Sender.CertificateBase64));
        var verify = MicrosPerDocument(invoices, i =>
            Check(InvoiceSignatureVerifier.Verify(i.Body, i.Signature, certificates[i.Sender]), "signature invalid"));
        var xmlOnly = MicrosPerDocument(invoices, i =>
        {
            using var reader = System.Xml.XmlReader.Create(new StringReader(i.Body));
            while (reader.Read())
            {
            }
        });
        var keys = certificates.ToDictionary(c => c.Key, c => c.Value.Certificate.GetRSAPublicKey()!);
        var rsaOnly = MicrosPerDocument(invoices, i => Check(keys[i.Sender].VerifyData(
            System.Text.Encoding.UTF8.GetBytes(i.Body), Convert.FromBase64String(i.Signature),
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1), "signature invalid"));

        await TruncateAsync(database, work.ScratchTable, cancellationToken);
        var copyClock = Stopwatch.StartNew();
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            for (var from = 0; from < invoices.Count; from += batch)
            {
                var count = Math.Min(batch, invoices.Count - from);
                await work.StoreAsync(connection, work.ScratchTable, invoices.Skip(from).Take(count).ToList(), documents.AsSpan(from, count).ToArray(), from,
                    cancellationToken);
            }
        }

        var copy = copyClock.Elapsed.TotalMicroseconds / invoices.Count;

        // Everything together on every core: a batch is parsed and verified, then copied, as one unit of work.
        await TruncateAsync(database, work.ScratchTable, cancellationToken);
        // Uploads as the clients make them: one sender (one certificate) per batch.
        var chunks = invoices.Select((invoice, index) => (invoice, index)).GroupBy(i => i.invoice.Sender).SelectMany(g => g.Chunk(batch)).ToList();
        var (allClock, busy0) = (Stopwatch.StartNew(), ProcStats.MachineBusySeconds());
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (chunk, ct) =>
            {
                var checkedDocuments = new TDocument[chunk.Length];
                for (var i = 0; i < chunk.Length; i++)
                {
                    var body = work.Read(chunk[i].invoice.Body);
                    Check(body is not null, "body invalid");
                    var signer = Parsed(cache, chunk[i].invoice.Sender.CertificateBase64);
                    Check(InvoiceSignatureVerifier.Verify(chunk[i].invoice.Body, chunk[i].invoice.Signature, signer), "signature invalid");
                    checkedDocuments[i] = body!;
                }

                await using var connection = await database.OpenConnectionAsync(ct);
                await work.StoreAsync(connection, work.ScratchTable, chunk.Select(c => c.invoice).ToList(), checkedDocuments, chunk[0].index, ct);
            });
        var perSecond = invoices.Count / allClock.Elapsed.TotalSeconds;
        var busyShare = (ProcStats.MachineBusySeconds() - busy0) / (allClock.Elapsed.TotalSeconds * Environment.ProcessorCount);

        await TruncateAsync(database, work.ScratchTable, cancellationToken);
        foreach (var key in keys.Values)
        {
            key.Dispose();
        }

        return new LimitResult(invoices.Count, parse, certificate, verify, copy, perSecond, xmlOnly, rsaOnly, busyShare);
    }

    /// <summary>One core: a warm-up pass over every document (so tiered JIT has settled), then the average of a second pass.</summary>
    public static double MicrosPerDocument<T>(IReadOnlyList<T> invoices, Action<T> work)
    {
        foreach (var invoice in invoices)
        {
            work(invoice);
        }

        var clock = Stopwatch.StartNew();
        foreach (var invoice in invoices)
        {
            work(invoice);
        }

        return clock.Elapsed.TotalMicroseconds / invoices.Count;
    }

    /// <summary>The same binary COPY as the gateway's UploadStore (same columns, same per-field async writes, SHA-256 of the body).</summary>
    private static async Task CopyAsync(
        NpgsqlConnection connection, string table, IReadOnlyList<SignedDocument> invoices, InvoiceDocument[] documents, long firstId,
        CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        await using var copy = await connection.BeginBinaryImportAsync($"""
            COPY {table} (invoice_id, upload_id, status, num, invoice_date, date_text, turnover_date, invoice_type, seller_tin, customer_tin,
                                sender_tin, sender_login, body, signature, signature_type, certificate_id, version, hash, input_date, last_update_date)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        for (var i = 0; i < invoices.Count; i++)
        {
            var (invoice, document) = (invoices[i], documents[i]);
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(firstId + i, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(0L, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync("IN_QUEUE", NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(document.Num, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(document.Date!.Value, NpgsqlDbType.Date, cancellationToken);
            await copy.WriteAsync(document.DateText, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(document.TurnoverDate!.Value, NpgsqlDbType.Date, cancellationToken);
            await copy.WriteAsync(InvoiceTypeNames.ToWire(document.InvoiceType), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(document.SellerTin!, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(document.CustomerTin!, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(invoice.Sender.SellerTin, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(invoice.Sender.UserIin, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(invoice.Body, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(invoice.Signature, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync("COMPANY", NpgsqlDbType.Varchar, cancellationToken);
            // The row names its upload's certificate, stored once (ADR 0048); the scratch table has no certificates to point at.
            await copy.WriteAsync(0L, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync("InvoiceV2", NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(Sha256Hex.Of(invoice.Body), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task TruncateAsync(NpgsqlDataSource database, string table, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("TRUNCATE " + table);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static ParsedCertificate Parsed(ParsedCertificates cache, string base64) =>
        cache.Get(base64) ?? throw new InvalidOperationException("certificate unreadable");

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"In-process limit: {problem}");
        }
    }
}
