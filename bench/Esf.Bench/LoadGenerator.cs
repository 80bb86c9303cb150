using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Npgsql;

namespace Esf.Bench;

/// <summary>What the load run measured: the uploads as the clients saw them, and the registration as the database recorded it.</summary>
public sealed record LoadResult(
    int Uploads, int Accepted, int Declined, int Created, int Failed, DateTimeOffset Start, DateTimeOffset UploadsDone,
    DateTimeOffset LastCreated, double P50, double P95, double P99)
{
    public double AcceptedPerSecond => Accepted / (UploadsDone - Start).TotalSeconds;

    public double RegisteredPerSecond => Created / (LastCreated - Start).TotalSeconds;
}

/// <summary>
/// Sends the pre-signed invoices over REST, one session per sender, batches in turn per sender and senders in parallel, then waits
/// (polling PostgreSQL, not the API) until the worker has registered or failed every accepted invoice.
/// </summary>
public sealed class LoadGenerator(HttpClient http, string connectionString)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan StallTimeout = TimeSpan.FromMinutes(2);
    private readonly Dictionary<Sender, string> _sessions = [];

    /// <summary>Raw UTF-8 Cyrillic as Java/Python clients send it, rather than System.Text.Json's default \uXXXX escapes.</summary>
    private static readonly JsonSerializerOptions Wire = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task OpenSessionsAsync(IEnumerable<Sender> senders, CancellationToken cancellationToken)
    {
        foreach (var sender in senders)
        {
            using var response = await http.PostAsync("api/v1/sessions", Json(new
            {
                tin = sender.SellerTin, certificate = sender.CertificateBase64, login = sender.UserIin, password = Sender.Password,
            }), cancellationToken);
            using var answer = await ReadAsync(response, cancellationToken);
            _sessions[sender] = answer.RootElement.GetProperty("sessionId").GetString()!;
        }
    }

    /// <summary>Serialises every upload before the clock starts, so the client spends its CPU on sending only.</summary>
    public static Dictionary<Sender, List<byte[]>> Payloads(IEnumerable<SignedInvoice> invoices, int batch) =>
        invoices.GroupBy(i => i.Sender).ToDictionary(g => g.Key, g => g.Chunk(batch).Select(chunk => JsonSerializer.SerializeToUtf8Bytes(new
        {
            certificate = g.Key.CertificateBase64,
            invoices = chunk.Select(i => new { body = i.Body, version = "InvoiceV2", signature = i.Signature, signatureType = "COMPANY" }),
        }, Wire)).ToList());

    /// <summary>Sends everything, waits for the verdicts of invoices above <paramref name="afterInvoiceId"/>, and measures.</summary>
    public async Task<LoadResult> RunAsync(
        Dictionary<Sender, List<byte[]>> payloads, long afterInvoiceId, Action<string> progress, CancellationToken cancellationToken)
    {
        var start = DateTimeOffset.UtcNow;
        var counts = await Task.WhenAll(payloads.Select(p => SendAllAsync(p.Key, p.Value, cancellationToken)));
        var uploadsDone = DateTimeOffset.UtcNow;
        var (accepted, declined) = (counts.Sum(c => c.Accepted), counts.Sum(c => c.Declined));
        progress($"uploads done in {(uploadsDone - start).TotalSeconds:0.0}s: {accepted} accepted, {declined} declined");

        var (created, failed) = await WaitForVerdictsAsync(accepted, afterInvoiceId, progress, cancellationToken);
        var (p50, p95, p99, lastCreated) = await LatenciesAsync(afterInvoiceId, cancellationToken);
        return new LoadResult(payloads.Sum(p => p.Value.Count), accepted, declined, created, failed, start, uploadsDone,
            lastCreated ?? uploadsDone, p50, p95, p99);
    }

    /// <summary>The highest invoice id so far: what a run measures comes after it.</summary>
    public async Task<long> MaxInvoiceIdAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT coalesce(max(invoice_id), 0) FROM invoices", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<(int Accepted, int Declined)> SendAllAsync(Sender sender, List<byte[]> uploads, CancellationToken cancellationToken)
    {
        var (accepted, declined) = (0, 0);
        foreach (var payload in uploads)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/invoices") { Content = new ByteArrayContent(payload) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _sessions[sender]);
            using var response = await http.SendAsync(request, cancellationToken);
            using var answer = await ReadAsync(response, cancellationToken);
            var declinedHere = answer.RootElement.GetProperty("declined");
            if (declinedHere.GetArrayLength() > 0 && declined == 0)
            {
                Console.Error.WriteLine($"  sender {sender.Index}: declined invoices, first: {declinedHere[0]}");
            }

            accepted += answer.RootElement.GetProperty("accepted").GetArrayLength();
            declined += declinedHere.GetArrayLength();
        }

        return (accepted, declined);
    }

    private async Task<(int Created, int Failed)> WaitForVerdictsAsync(
        int expected, long afterInvoiceId, Action<string> progress, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT count(*) FILTER (WHERE status = 'CREATED')::int, count(*) FILTER (WHERE status = 'FAILED')::int
            FROM invoices WHERE invoice_id > @After
            """, connection);
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

    /// <summary>upload→CREATED per invoice: the gateway's input_date to the worker's CREATED history row, in seconds.</summary>
    private async Task<(double P50, double P95, double P99, DateTimeOffset? LastCreated)> LatenciesAsync(
        long afterInvoiceId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM h.changed_at - i.input_date)),
                   max(h.changed_at)
            FROM invoices i JOIN invoice_status_history h ON h.invoice_id = i.invoice_id AND h.to_status = 'CREATED'
            WHERE i.invoice_id > @After
            """, connection);
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

    private static ByteArrayContent Json(object value)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task<JsonDocument> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text);
    }
}
