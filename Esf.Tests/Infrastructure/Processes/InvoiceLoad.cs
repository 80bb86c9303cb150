using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Esf.Infrastructure.Registry;

namespace Esf.Tests.Infrastructure.Processes;

/// <summary>
/// A REST load like real clients make it: tenants upload batches of signed invoices (signed before the clock starts), each
/// upload with its own Idempotency-Key, retried with that same key on any failure (a killed gateway, a database restart)
/// and spread over every gateway given.
/// </summary>
public sealed class InvoiceLoad
{
    private static readonly TimeSpan RetryFor = TimeSpan.FromMinutes(3);
    private readonly List<TestTenant> tenants;
    private readonly List<PlannedUpload> uploads;
    private readonly ConcurrentDictionary<string, int> retryReasons = new();
    private int accepted;

    private InvoiceLoad(List<TestTenant> tenants, List<PlannedUpload> uploads)
    {
        this.tenants = tenants;
        this.uploads = uploads;
    }

    public int InvoiceCount => uploads.Sum(u => u.Count);

    /// <summary>Invoices accepted so far (202 answers), for faults timed by progress.</summary>
    public int Accepted => Volatile.Read(ref accepted);

    public IReadOnlyList<string> SellerTins => tenants.Select(t => t.SellerTin).ToList();

    public static async Task<InvoiceLoad> PrepareAsync(RegistryWriter registry, int invoices, int batchSize, int tenantCount)
    {
        var tenants = new List<TestTenant>();
        for (var i = 0; i < tenantCount; i++)
        {
            tenants.Add(await TestTenant.CreateAsync(registry));
        }

        var uploads = new List<PlannedUpload>();
        for (var first = 0; first < invoices; first += batchSize)
        {
            var tenant = tenants[uploads.Count % tenants.Count];
            var count = Math.Min(batchSize, invoices - first);
            var body = new
            {
                certificate = tenant.CertificateBase64,
                invoices = Enumerable.Range(0, count).Select(_ => TestInvoices.Build(tenant))
                    .Select(b => new { body = b, version = "InvoiceV2", signature = tenant.Sign(b), signatureType = "COMPANY" }),
            };
            uploads.Add(new PlannedUpload(tenants.IndexOf(tenant), Guid.NewGuid().ToString("N"), JsonSerializer.Serialize(body), count));
        }

        return new InvoiceLoad(tenants, uploads);
    }

    /// <summary>Sends every upload, <paramref name="concurrency"/> at a time, and answers what the clients were told.</summary>
    /// <param name="invoicesPerSecond">Paces the load (so faults strike while it runs); as fast as possible when null.</param>
    public async Task<LoadOutcome> RunAsync(IReadOnlyList<Uri> gateways, int concurrency, double? invoicesPerSecond = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var sessions = new string[tenants.Count];
        for (var i = 0; i < tenants.Count; i++)
        {
            sessions[i] = await LogInAsync(http, gateways[0], tenants[i]);
        }

        var answers = new ConcurrentDictionary<string, long[]>();
        var retries = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(client => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < uploads.Count; i = Interlocked.Increment(ref next))
            {
                var upload = uploads[i];
                if (invoicesPerSecond is { } rate && TimeSpan.FromSeconds(i * upload.Count / rate) - clock.Elapsed is { Ticks: > 0 } wait)
                {
                    await Task.Delay(wait);
                }

                var (ids, attempts) = await SendAsync(http, gateways, i + client, sessions[upload.Tenant], upload);
                answers[upload.Key] = ids;
                Interlocked.Add(ref retries, attempts - 1);
                Interlocked.Add(ref accepted, ids.Length);
            }
        })));
        clock.Stop();

        // Every client asks once more with its key: each must get exactly the answer it got before.
        var repeatsDiffering = 0;
        foreach (var upload in uploads)
        {
            var (again, _) = await SendAsync(http, gateways, 0, sessions[upload.Tenant], upload);
            if (!again.SequenceEqual(answers[upload.Key]))
            {
                repeatsDiffering++;
            }
        }

        return new LoadOutcome(
            answers.Values.SelectMany(ids => ids).ToList(), uploads.Count, retries, repeatsDiffering, clock.Elapsed,
            new Dictionary<string, int>(retryReasons));
    }

    private async Task<(long[] Ids, int Attempts)> SendAsync(
        HttpClient http, IReadOnlyList<Uri> gateways, int spread, string session, PlannedUpload upload)
    {
        var deadline = DateTime.UtcNow + RetryFor;
        for (var attempt = 1; ; attempt++)
        {
            var gateway = gateways[(spread + attempt - 1) % gateways.Count];
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway, "api/v1/invoices"))
            {
                Content = new StringContent(upload.Json, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", upload.Key);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session);
            string? problem;
            try
            {
                using var response = await http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    var json = JsonDocument.Parse(text).RootElement;
                    return (json.GetProperty("accepted").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).ToArray(), attempt);
                }

                problem = $"{(int)response.StatusCode}: {text}";
                retryReasons.AddOrUpdate($"HTTP {(int)response.StatusCode}", 1, (_, n) => n + 1);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                problem = e.Message;
                retryReasons.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Upload {upload.Key} still failing after {RetryFor}: {problem}");
            }

            await Task.Delay(250);
        }
    }

    private static async Task<string> LogInAsync(HttpClient http, Uri gateway, TestTenant tenant)
    {
        var body = new { tin = tenant.SellerTin, certificate = tenant.CertificateBase64, login = tenant.UserIin, password = tenant.Password };
        using var response = await http.PostAsJsonAsync(new Uri(gateway, "api/v1/sessions"), body);
        var text = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.Created
            ? JsonDocument.Parse(text).RootElement.GetProperty("sessionId").GetString()!
            : throw new InvalidOperationException($"Login failed: {(int)response.StatusCode} {text}");
    }

    private sealed record PlannedUpload(int Tenant, string Key, string Json, int Count);
}
