using System.Diagnostics;
using Npgsql;

namespace Esf.Bench;

/// <summary>What the load run measured: the uploads as the clients saw them, and the registration as the database recorded it.</summary>
public sealed record LoadResult(
    int Uploads, int Accepted, int Declined, int Created, int Failed, DateTimeOffset Start, DateTimeOffset UploadsDone,
    DateTimeOffset LastCreated, double P50, double P95, double P99, IReadOnlyList<ProtocolLoad> Protocols)
{
    public double AcceptedPerSecond => Accepted / (UploadsDone - Start).TotalSeconds;

    public double RegisteredPerSecond => Created / (LastCreated - Start).TotalSeconds;

    public bool Mixed => Protocols.Count > 1;

    public int SoapSenders => Protocols.Where(p => p.Protocol == "SOAP").Sum(p => p.Senders);
}

/// <summary>The uploads of one protocol's senders: accepted ÷ (its last upload answered − first upload started).</summary>
public sealed record ProtocolLoad(string Protocol, int Senders, int Uploads, int Accepted, int Declined, double Seconds)
{
    public double AcceptedPerSecond => Accepted / Seconds;
}

/// <summary>
/// Sends the pre-signed documents, one session per sender (REST, or SOAP for the first <c>soapSenders</c>), batches in turn per
/// sender and senders in parallel, then waits (polling PostgreSQL with the scenario's "done" query, not the API) until the worker
/// has registered or failed every accepted document.
/// </summary>
public sealed class LoadGenerator(HttpClient http, string connectionString, IReadOnlyList<Sender> senders, int soapSenders, IScenario scenario)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan StallTimeout = TimeSpan.FromMinutes(2);

    private readonly Dictionary<Sender, ProtocolSender> _senders = senders.ToDictionary(
        s => s, ProtocolSender (s) => s.Index < soapSenders ? new SoapSender(http, s, scenario) : new RestSender(http, s, scenario));

    public async Task OpenSessionsAsync(CancellationToken cancellationToken)
    {
        foreach (var sender in _senders.Values)
        {
            await sender.OpenAsync(cancellationToken);
        }
    }

    public async Task CloseSessionsAsync(CancellationToken cancellationToken)
    {
        foreach (var sender in _senders.Values)
        {
            await sender.CloseAsync(cancellationToken);
        }
    }

    /// <summary>Serialises every upload (JSON or SOAP envelope) before the clock starts, so the client spends its CPU on sending only.</summary>
    public Dictionary<ProtocolSender, List<byte[]>> Payloads(IEnumerable<SignedDocument> documents, int batch) =>
        documents.GroupBy(i => i.Sender).ToDictionary(g => _senders[g.Key], g => g.Chunk(batch).Select(_senders[g.Key].Payload).ToList());

    /// <summary>
    /// Sends everything, waits for the verdicts of invoices above <paramref name="afterInvoiceId"/>, and measures. With a
    /// <paramref name="rate"/> (invoices/s) the uploads are paced: the senders take turns, and the n-th upload overall is not sent
    /// before start + n × (invoices per upload ÷ rate). <paramref name="verdictsIn"/> is called as soon as every verdict is in, before the
    /// latency query: where the measured window ends.
    /// </summary>
    public async Task<LoadResult> RunAsync(
        Dictionary<ProtocolSender, List<byte[]>> payloads, long afterInvoiceId, Action<string> progress, CancellationToken cancellationToken,
        double rate = 0, int invoices = 0, Func<Task>? verdictsIn = null)
    {
        var uploads = payloads.Sum(p => p.Value.Count);
        var interval = rate > 0 && uploads > 0 ? TimeSpan.FromSeconds(invoices / (double)uploads / rate) : TimeSpan.Zero;
        var start = DateTimeOffset.UtcNow;
        var sent = await Task.WhenAll(payloads.Select(async (p, s) => (Sender: p.Key, Uploads: p.Value.Count,
            Count: await SendAllAsync(p.Key, p.Value, n => start + interval * (n * payloads.Count + s), cancellationToken), Done: DateTimeOffset.UtcNow)));
        var uploadsDone = DateTimeOffset.UtcNow;
        var protocols = sent.GroupBy(s => s.Sender.Protocol).OrderBy(g => g.Key).Select(g => new ProtocolLoad(
            g.Key, g.Count(), g.Sum(s => s.Uploads), g.Sum(s => s.Count.Accepted), g.Sum(s => s.Count.Declined),
            (g.Max(s => s.Done) - start).TotalSeconds)).ToList();
        var (accepted, declined) = (protocols.Sum(p => p.Accepted), protocols.Sum(p => p.Declined));
        progress($"uploads done in {(uploadsDone - start).TotalSeconds:0.0}s: {accepted} accepted, {declined} declined"
            + (protocols.Count > 1 ? $" ({string.Join(", ", protocols.Select(p => $"{p.Protocol} {p.Accepted} in {p.Seconds:0.0}s"))})" : ""));

        var (created, failed) = await WaitForVerdictsAsync(accepted, afterInvoiceId, progress, cancellationToken);
        if (verdictsIn is not null)
        {
            await verdictsIn();
        }
        var (p50, p95, p99, lastCreated) = await LatenciesAsync(afterInvoiceId, cancellationToken);
        return new LoadResult(payloads.Sum(p => p.Value.Count), accepted, declined, created, failed, start, uploadsDone,
            lastCreated ?? uploadsDone, p50, p95, p99, protocols);
    }

    /// <summary>The highest invoice id so far: what a run measures comes after it.</summary>
    public async Task<long> MaxInvoiceIdAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(scenario.Done.MaxId, connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<UploadCount> SendAllAsync(
        ProtocolSender sender, List<byte[]> uploads, Func<int, DateTimeOffset> due, CancellationToken cancellationToken)
    {
        var (accepted, declined) = (0, 0);
        for (var n = 0; n < uploads.Count; n++)
        {
            var payload = uploads[n];
            if (due(n) - DateTimeOffset.UtcNow is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait, cancellationToken);
            }

            var count = await sender.SendAsync(payload, cancellationToken);
            (accepted, declined) = (accepted + count.Accepted, declined + count.Declined);
        }

        return new UploadCount(accepted, declined);
    }

    private async Task<(int Created, int Failed)> WaitForVerdictsAsync(
        int expected, long afterInvoiceId, Action<string> progress, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(scenario.Done.Counts, connection);
        command.Parameters.AddWithValue("After", afterInvoiceId);
        var (lastDone, lastChange, lastReport) = (-1, Stopwatch.StartNew(), Stopwatch.StartNew());
        while (true)
        {
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                var (created, failed) = (reader.GetInt32(0), reader.GetInt32(1));
                if (created + failed >= expected)
                {
                    return (created, failed);
                }

                if (created + failed != lastDone)
                {
                    (lastDone, lastChange) = (created + failed, Stopwatch.StartNew());
                }
                else if (lastChange.Elapsed > StallTimeout)
                {
                    throw new TimeoutException($"No progress for {StallTimeout.TotalSeconds:0}s: {created} created, {failed} failed of {expected}.");
                }

                if (lastReport.Elapsed > TimeSpan.FromSeconds(5))
                {
                    progress($"registered {created}, failed {failed} of {expected}");
                    lastReport.Restart();
                }
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>upload→registered per document (for invoices: the gateway's input_date to the worker's CREATED history row), in seconds.</summary>
    private async Task<(double P50, double P95, double P99, DateTimeOffset? LastCreated)> LatenciesAsync(
        long afterInvoiceId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(scenario.Done.Latencies, connection);
        command.Parameters.AddWithValue("After", afterInvoiceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (reader.IsDBNull(0))
        {
            return (double.NaN, double.NaN, double.NaN, null);
        }

        var p = reader.GetFieldValue<double[]>(0);
        return (p[0], p[1], p[2], reader.GetFieldValue<DateTimeOffset>(1));
    }
}
