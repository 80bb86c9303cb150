using System.Diagnostics;
using System.Runtime;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Esf.Api.Rest.Invoices;
using Esf.Bench;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Signatures;
using Esf.Infrastructure.Xml;
using Esf.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace Esf.Tests.Performance;

/// <summary>
/// A measurement, not a check of behaviour (run it by name): the gateway's own CPU and allocations per invoice for REST uploads
/// of 100, in a gateway-only host (no worker in the process), with the payloads built and signed before the clock starts. The
/// figures it prints are what the gateway request path changes were measured with; the assertions only make sure every upload
/// was accepted, so that the figures are those of the accepted path. The second test takes the path apart into stages, on the
/// bench's own invoices in uploads of 50 (BENCHMARKS.md, «where the gateway's CPU per invoice goes»). Release builds give the
/// figures that compare with the bench (<c>dotnet test -c Release</c>): a Debug build's own code runs unoptimised.
/// </summary>
[TestFixture]
[Explicit("a measurement: run it by name")]
[Category("Performance")]
public sealed class Measuring_the_gateway_upload_cost
{
    private const int Batch = 100;
    private const int WarmUps = 10;
    /// <summary>ESF_PERF_UPLOADS raises it, e.g. to attach a profiler to a longer window.</summary>
    private static readonly int Measured = int.TryParse(Environment.GetEnvironmentVariable("ESF_PERF_UPLOADS"), out var n) ? n : 40;

    /// <summary>Raw UTF-8 Cyrillic, as Java/Python clients (and the bench) send it.</summary>
    private static readonly JsonSerializerOptions Wire = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Test]
    public async Task Should_report_the_cpu_per_invoice_of_rest_uploads()
    {
        // Private host: the gateway alone, so the measured CPU is the upload path's.
        await using var fixture = await GatewayFixture.StartAsync(roles: "gateway");
        using var tenant = await TestTenant.CreateAsync(fixture);
        using var http = fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await tenant.OpenSessionAsync(fixture));
        var payloads = Enumerable.Range(0, WarmUps + Measured).Select(_ => Payload(tenant)).ToList();

        foreach (var payload in payloads.Take(WarmUps))
        {
            await UploadAsync(http, payload);
        }

        var process = Process.GetCurrentProcess();
        GC.Collect();
        var (cpu, allocated, gcs, clock) = (process.TotalProcessorTime, GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), Stopwatch.StartNew());
        var accepted = 0;
        foreach (var payload in payloads.Skip(WarmUps))
        {
            accepted += await UploadAsync(http, payload);
        }

        process.Refresh();
        var invoices = Measured * Batch;
        TestContext.Out.WriteLine(
            $"gateway upload path: {(process.TotalProcessorTime - cpu).TotalMicroseconds / invoices:F0} µs CPU/invoice, " +
            $"{clock.Elapsed.TotalMicroseconds / invoices:F0} µs wall/invoice, " +
            $"{(GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / invoices:F1} KiB allocated/invoice, " +
            $"{GC.CollectionCount(0) - gcs} gen0 GCs, body {payloads[0].Length / Batch} B/invoice in JSON, " +
            $"peak RSS {PeakRssMegabytes()} MB (server GC {System.Runtime.GCSettings.IsServerGC}, {System.Runtime.GCSettings.LatencyMode})");
        Assert.That(accepted, Is.EqualTo(invoices));
        ReportStepAllocations(fixture, payloads[0]);
    }

    /// <summary>
    /// Where the gateway's CPU per invoice goes, on the bench's own invoices (<see cref="BenchInvoices"/>, ≈ 6.9 KB, ten lines)
    /// in uploads of <see cref="StageBatch"/> (ESF_PERF_BATCH): the same uploads taken apart into nested stages, each run over
    /// fresh payloads in one round, rounds alternating so that the machine's load touches each alike. A stage's own cost is
    /// its figure less the one it contains: binding the JSON; + the upload checks (parse+XSD, rules, signature format);
    /// + the uploader's database work (session rights, outbox, COPY, history); + HTTP (Kestrel, the session lookup, routing,
    /// the answer's JSON, and the test's own client). CPU is the process's (noisy on a shared machine, compare within a run);
    /// allocated bytes are all threads' and hardly depend on the load. Each round also prints the JIT's compilation time and the
    /// GC's pauses per invoice, which the process CPU includes: a round with JIT in it is not the stage's steady cost. For a
    /// CPU-sampling profile of one stage see <see cref="PerfControl"/>; run it with the services' runtime settings
    /// (DOTNET_TieredPGO=0, DOTNET_GCgen0size=0x4000000, DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0: the test process does
    /// not read esf.runtimeconfig.json).
    /// </summary>
    [Test]
    public async Task Should_report_where_the_cpu_per_invoice_of_rest_uploads_goes()
    {
        await using var fixture = await GatewayFixture.StartAsync(roles: "gateway");
        using var tenant = await TestTenant.CreateAsync(fixture);
        var token = await tenant.OpenSessionAsync(fixture);
        using var http = fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var session = await fixture.Get<SessionService>().RequireAsync(token, CancellationToken.None);
        var uploader = fixture.Get<InvoiceUploader>();
        var json = fixture.Get<IOptions<JsonOptions>>().Value.SerializerOptions;
        var invoices = new BenchInvoices(tenant, StageBatch);

        // Bound as the endpoint binds it, and its pooled bodies given back after the stage as the endpoint does.
        async Task<int> Bound(byte[] payload, Func<UploadBatch, Task<int>> stage)
        {
            var body = JsonSerializer.Deserialize<UploadInvoicesBody>(payload, json)!;
            try
            {
                return await stage(body.ToBatch());
            }
            finally
            {
                body.ReleaseBodies();
            }
        }

        var stages = new (string Name, Func<byte[], Task<int>> Run)[]
        {
            ("bind", payload => Bound(payload, batch => Task.FromResult(batch.Items.Count))),
            ("+ checks", payload => Bound(payload, batch => Task.FromResult(uploader.Check(batch).Accepted.Count))),
            ("+ store", payload => Bound(payload, async batch => (await uploader.UploadAsync(session, batch, "REST", null, CancellationToken.None)).Accepted.Count)),
            ("+ HTTP", payload => UploadAsync(http, payload)),
            // Not nested: the checks without InvoiceUploader.Check's Parallel.For, its own cost taken against "bind" (what the
            // per-upload fan-out and its wake-ups cost in CPU, against what it buys a lone upload in latency).
            (OneThread, payload => Bound(payload, batch =>
            {
                var certificate = fixture.Get<ParsedCertificates>().Get(batch.Certificate)?.Certificate;
                return Task.FromResult(batch.Items.Count(item => UploadChecks.Check(item, certificate).Violations.Count == 0));
            })),
        };

        // Warm-up: every stage's code tiered up before the clock starts. A fixed count was not enough: the background JIT of the
        // first measured round (up to 170 µs per invoice) landed in whichever stage ran then, and sampling showed it. So each stage
        // runs until a few uploads in a row compile next to nothing.
        foreach (var (_, run) in stages)
        {
            for (var i = 0; i < MaxWarmUps; i += WarmUpChunk)
            {
                var jit = JitInfo.GetCompilationTime();
                for (var j = 0; j < (i == 0 ? WarmUps : WarmUpChunk); j++)
                {
                    Assert.That(await run(invoices.Next()), Is.EqualTo(StageBatch));
                }

                if (i > 0 && JitInfo.GetCompilationTime() - jit < SettledJit)
                {
                    break;
                }
            }
        }

        var figures = stages.ToDictionary(s => s.Name, _ => new List<(double Micros, double KiB, double Jit, double Pause)>());
        using var profiler = PerfControl.FromEnvironment();
        for (var round = 0; round < StageRounds; round++)
        {
            foreach (var (name, run) in stages)
            {
                var payloads = Enumerable.Range(0, StageUploads).Select(_ => invoices.Next()).ToList();
                GC.Collect();
                var process = Process.GetCurrentProcess();
                var (cpu, allocated, jit, pause) = (process.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true), JitInfo.GetCompilationTime(), GC.GetTotalPauseDuration());
                profiler?.Enable(name);
                foreach (var payload in payloads)
                {
                    Assert.That(await run(payload), Is.EqualTo(StageBatch));
                }

                profiler?.Disable(name);
                process.Refresh();
                var perInvoice = StageUploads * StageBatch;
                figures[name].Add(((process.TotalProcessorTime - cpu).TotalMicroseconds / perInvoice,
                    (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / perInvoice,
                    (JitInfo.GetCompilationTime() - jit).TotalMicroseconds / perInvoice,
                    (GC.GetTotalPauseDuration() - pause).TotalMicroseconds / perInvoice));
            }
        }

        TestContext.Out.WriteLine($"per invoice, uploads of {StageBatch} bench invoices ({invoices.BytesPerInvoice} B of JSON each), "
            + $"{StageUploads} uploads per stage and round, {StageRounds} rounds; median (each round):");
        var previous = (Micros: 0.0, KiB: 0.0);
        var bind = previous;
        foreach (var (name, _) in stages)
        {
            var runs = figures[name];
            var median = (Micros: Median(runs.Select(r => r.Micros)), KiB: Median(runs.Select(r => r.KiB)));
            previous = name == OneThread ? bind : previous;
            TestContext.Out.WriteLine($"  {name,-20} {median.Micros,5:F0} µs CPU (own {median.Micros - previous.Micros,4:F0}), "
                + $"{median.KiB,5:F1} KiB (own {median.KiB - previous.KiB,4:F1})   "
                + $"[{string.Join(" / ", runs.Select(r => $"{r.Micros:F0} µs {r.KiB:F1} KiB, JIT {r.Jit:F0} µs, GC pause {r.Pause:F0} µs"))}]");
            previous = median;
            bind = name == "bind" ? median : bind;
        }

        // Counted apart from the measured rounds: listening makes Npgsql allocate an activity per command.
        using (var trips = new Warehouse.NpgsqlRoundTrips())
        {
            Assert.That(await stages[2].Run(invoices.Next()), Is.EqualTo(StageBatch));
            TestContext.Out.WriteLine($"database round trips of one upload of {StageBatch} through the uploader (the session lookup not included): {trips.Count}");
        }
    }

    private const int WarmUpChunk = 5;
    private const string OneThread = "= checks, one thread";
    private const int MaxWarmUps = 100;
    private static readonly TimeSpan SettledJit = TimeSpan.FromMilliseconds(2);

    private const int StageBatchDefault = 50;
    private const int StageRounds = 3;

    /// <summary>ESF_PERF_STAGE_UPLOADS raises it (20 by default), e.g. for a longer window under a sampling profiler.</summary>
    private static readonly int StageUploads = int.TryParse(Environment.GetEnvironmentVariable("ESF_PERF_STAGE_UPLOADS"), out var u) ? u : 20;

    /// <summary>ESF_PERF_BATCH changes it; 50 by default, the batch the issue's measurements name.</summary>
    private static readonly int StageBatch = int.TryParse(Environment.GetEnvironmentVariable("ESF_PERF_BATCH"), out var b) ? b : StageBatchDefault;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>The bench's REST uploads (<see cref="InvoiceScenario.RestUpload"/>) of the tenant's invoices, each number new.</summary>
    private sealed class BenchInvoices(TestTenant tenant, int batch)
    {
        private readonly Sender sender = new(0, tenant.SellerTin, tenant.CustomerTin, tenant.UserIin, tenant.Certificate);
        private readonly InvoiceScenario scenario = new();
        private int nextNum = 1;

        public int BytesPerInvoice { get; private set; }

        public byte[] Next()
        {
            var documents = InvoiceFactory.CreateSigned([sender], batch, nextNum);
            nextNum += batch;
            var body = scenario.RestUpload(sender, documents).Body;
            BytesPerInvoice = body.Length / batch;
            return body;
        }
    }

    /// <summary>
    /// Where the allocations of one upload go, per invoice, counted on this thread alone (GC.GetAllocatedBytesForCurrentThread
    /// does not depend on the machine's load): the JSON binding of the request, the body's parse+XSD and the hash, once as the
    /// gateway does them (bodies as UTF-8 bytes) and once with the bodies as strings, as before issue 17 item 3.
    /// </summary>
    private static void ReportStepAllocations(GatewayFixture fixture, byte[] payload)
    {
        var json = fixture.Get<IOptions<JsonOptions>>().Value.SerializerOptions;
        for (var round = 0; round < 3; round++)
        {
            // The last round is the one printed: the first ones warm up the code (tiering, static caches).
            var bytes = Steps(
                () => JsonSerializer.Deserialize<UploadInvoicesBody>(payload, json)!,
                body => body.ToBatch().Items,
                item => InvoiceBodyReader.Read(item.Body),
                item => Sha256Hex.Of(item.Body.Bytes.Span),
                body => body.ReleaseBodies());
            var strings = Steps(
                () => JsonSerializer.Deserialize<StringBodies>(payload, json)!,
                body => body.Invoices,
                item => InvoiceBodyReader.Read(item.Body),
                item => Sha256Hex.Of(item.Body),
                _ => { });
            if (round == 2)
            {
                TestContext.Out.WriteLine($"allocated per invoice on one thread, bodies as UTF-8 bytes: {bytes}");
                TestContext.Out.WriteLine($"allocated per invoice on one thread, bodies as strings:    {strings}");
            }
        }
    }

    private static string Steps<TBody, TItem>(
        Func<TBody> bind, Func<TBody, IReadOnlyList<TItem>> items, Action<TItem> check, Action<TItem> hash, Action<TBody> release)
    {
        var start = GC.GetAllocatedBytesForCurrentThread();
        var body = bind();
        var list = items(body);
        var bound = GC.GetAllocatedBytesForCurrentThread();
        foreach (var item in list)
        {
            check(item);
        }

        var checkedAt = GC.GetAllocatedBytesForCurrentThread();
        foreach (var item in list)
        {
            hash(item);
        }

        var hashed = GC.GetAllocatedBytesForCurrentThread();
        release(body);
        double PerInvoice(long from, long to) => (to - from) / 1024.0 / list.Count;
        return $"binding {PerInvoice(start, bound):F1} KiB, parse+XSD {PerInvoice(bound, checkedAt):F1} KiB, hash {PerInvoice(checkedAt, hashed):F2} KiB";
    }

    /// <summary>The upload request as it was bound before issue 17 item 3: every body a string.</summary>
    private sealed record StringBodies(string Certificate, IReadOnlyList<StringItem> Invoices);

    private sealed record StringItem(string Body, string Version, string Signature, string SignatureType);

    /// <summary>VmHWM of this process (Linux), as the bench reads it for the gateway and the worker.</summary>
    private static long PeakRssMegabytes() =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024).FirstOrDefault();

    private static byte[] Payload(TestTenant tenant) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        certificate = tenant.CertificateBase64,
        invoices = Enumerable.Range(0, Batch).Select(_ => TestInvoices.Build(tenant))
            .Select(body => new { body, version = "InvoiceV2", signature = tenant.Sign(body), signatureType = "COMPANY" }),
    }, Wire);

    private static async Task<int> UploadAsync(HttpClient http, byte[] payload)
    {
        using var content = new ByteArrayContent(payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync("api/v1/invoices", content);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), answer);
        using var json = JsonDocument.Parse(answer);
        return json.RootElement.GetProperty("accepted").GetArrayLength();
    }
}
