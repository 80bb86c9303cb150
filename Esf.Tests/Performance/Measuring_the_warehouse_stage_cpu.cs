using System.Diagnostics;
using System.Text.Json;
using Esf.Bench;
using Esf.Api.Rest.Invoices;
using Esf.Domain.Rules;
using Esf.Infrastructure;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Persistence;
using Esf.Infrastructure.Registration;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Warehouse;
using Esf.Tests.Infrastructure;
using Esf.Tests.Warehouse;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Performance;

/// <summary>
/// A measurement, not a check of behaviour (run it by name): what the warehouse path costs the gateway and the worker in their
/// own process per invoice over the plain path (issue 13's "within 20 % of plain"), on the bench's invoices (<see cref="InvoiceFactory"/>)
/// and its warehouse invoices (<see cref="WarehouseScenario"/>: the first of ten lines drawn from the seller's goods line), through
/// the real code, plain and warehouse side by side:
/// <list type="bullet">
/// <item>the gateway: binding the REST upload (<see cref="UploadInvoicesBody"/>, with <c>warehouseLines</c>), the upload checks of the
/// body (<see cref="UploadChecks"/>) and the stored form of the lines (<see cref="WarehouseLinesJson.Write"/>, written by the COPY);
/// bytes on this thread (exact, whatever the load) and the process's CPU;</item>
/// <item>the worker: a batch's stages after the signature check (<see cref="BatchVerdicts"/>: the registration rules on the batch's
/// registry, then the sources of goods and the warehouse), from the lines as the worker reads them (<c>warehouse_lines::text</c>) to the
/// verdicts, in a transaction rolled back after each batch on a migrated database of its own: round trips (exact), bytes allocated by
/// the process (precise; the test host is otherwise idle) and the process's CPU (the client's side only: PostgreSQL's backends are
/// other processes, see <see cref="Measuring_the_warehouse_registration_cost"/> for theirs).</item>
/// </list>
/// The CPU figures are medians of rounds and depend on the machine's load: compare plain and warehouse within one run.
/// </summary>
[TestFixture]
[Explicit("a measurement: run it by name")]
[Category("Performance")]
public sealed class Measuring_the_warehouse_stage_cpu
{
    private const int Batch = 50;
    private const int Rounds = 5;
    private static readonly int Passes = int.TryParse(Environment.GetEnvironmentVariable("ESF_PERF_PASSES"), out var n) ? n : 20;

    [Test]
    public async Task Should_report_the_warehouse_paths_cost_per_invoice_in_the_gateway_and_the_worker()
    {
        // As the services set it (EsfServices): the ledger's rows are mapped by their snake_case columns.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
        await using var database = await ScratchDatabase.CreateAsync("whcpu");
        await DatabaseMigrator.MigrateAsync(database.ConnectionString, CancellationToken.None);
        await using var source = NpgsqlDataSource.Create(database.ConnectionString);
        var senders = InvoiceFactory.CreateSenders(1);
        await InvoiceFactory.RegisterAsync(new RegistryWriter(source), senders, CancellationToken.None);
        var warehouse = new WarehouseScenario();
        await warehouse.PrepareRegistryAsync(source, senders, CancellationToken.None);
        var kinds = new Dictionary<string, IScenario> { ["plain"] = new InvoiceScenario(), ["warehouse"] = warehouse };
        var batches = new Dictionary<string, Kind>();
        foreach (var (name, scenario) in kinds)
        {
            batches[name] = await Kind.PrepareAsync(source, scenario, senders[0]);
        }

        var goods = new InvoiceGoods(new WarehouseLedger(source, TimeProvider.System), TimeProvider.System);
        await using var connection = await source.OpenConnectionAsync();
        var today = KazakhstanTime.Today(TimeProvider.System);

        var stages = new List<(string Name, string Kind, Func<Task<int>> Pass)>();
        foreach (var (name, kind) in batches)
        {
            stages.Add(("gateway: bind the upload", name, () => Task.FromResult(kind.Bind())));
            stages.Add(("gateway: upload checks", name, () => Task.FromResult(kind.Check())));
            stages.Add(("gateway: lines' stored form", name, () => Task.FromResult(kind.StoreLines())));
            stages.Add(("worker: rules alone", name, () => kind.JudgeAsync(connection, null, today)));
            stages.Add(("worker: rules, sources, goods", name, () => kind.JudgeAsync(connection, goods, today)));
        }

        // Warm-up (tiered JIT, Npgsql's auto-prepare, the pools).
        foreach (var (_, _, pass) in stages)
        {
            for (var i = 0; i < Passes / 2; i++)
            {
                await pass();
            }
        }

        var results = stages.ToDictionary(s => (s.Name, s.Kind), _ => new List<Figures>());
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var (name, kind, pass) in stages)
            {
                results[(name, kind)].Add(await Figures.MeasureAsync(pass));
            }
        }

        TestContext.Out.WriteLine($"per invoice (batches of {Batch}, median of {Rounds} rounds of {Passes} batches; bytes: the gateway's on this thread, "
            + "the worker's in the process):");
        foreach (var stage in stages.Select(s => s.Name).Distinct())
        {
            TestContext.Out.WriteLine($"  {stage}");
            foreach (var kind in batches.Keys)
            {
                var runs = results[(stage, kind)];
                var median = runs.OrderBy(r => r.Micros).ElementAt(Rounds / 2);
                TestContext.Out.WriteLine($"    {kind,-10} {median.Micros,7:F1} µs CPU  {runs.Min(r => r.Bytes) / 1024,7:F2} KiB  {median.RoundTrips,6:F3} round trips");
            }
        }

        Assert.That(batches.Values.Select(b => b.Failed), Is.All.Zero, "every invoice of both kinds registers");
    }

    /// <summary>The CPU, bytes and round trips per invoice of <see cref="Passes"/> passes.</summary>
    private sealed record Figures(double Micros, double Bytes, double RoundTrips)
    {
        public static async Task<Figures> MeasureAsync(Func<Task<int>> pass)
        {
            GC.Collect();
            var thread = GC.GetAllocatedBytesForCurrentThread();
            var total = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var roundTrips = 0;
            using (var counter = new NpgsqlRoundTrips())
            {
                for (var i = 0; i < Passes; i++)
                {
                    await pass();
                }

                roundTrips = counter.Count;
            }

            const double invoices = Batch;
            var micros = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / invoices / Passes;
            // A pass that went to the database allocated on other threads too (the continuations): the process's bytes then.
            var bytes = roundTrips > 0 ? GC.GetTotalAllocatedBytes(precise: true) - total : GC.GetAllocatedBytesForCurrentThread() - thread;
            return new Figures(micros, bytes / invoices / Passes, roundTrips / invoices / Passes);
        }
    }

    /// <summary>One kind's batch: its REST upload, its invoices read as the worker reads them and their lines as stored.</summary>
    private sealed class Kind
    {
        private readonly byte[] payload;
        private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 certificate;
        private readonly CheckedInvoice[] invoices;
        private readonly Dictionary<long, string> storedLines;
        private readonly List<UploadItem> items;

        private Kind(byte[] payload, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, CheckedInvoice[] invoices,
            Dictionary<long, string> storedLines, List<UploadItem> items)
        {
            (this.payload, this.certificate, this.invoices, this.storedLines, this.items) = (payload, certificate, invoices, storedLines, items);
        }

        public int Failed { get; private set; }

        public static async Task<Kind> PrepareAsync(NpgsqlDataSource source, IScenario scenario, Sender sender)
        {
            var documents = scenario.CreateSigned([sender], Batch, 1);
            var payload = scenario.RestUpload(sender, documents).Body;
            var bound = JsonSerializer.Deserialize<UploadInvoicesBody>(payload, JsonSerializerOptions.Web)!;
            var items = bound.ToBatch().Items.ToList();
            var signature = new SignatureCheck(true, sender.UserIin, sender.SellerTin);
            var invoices = documents.Select((d, i) => new CheckedInvoice(i + 1, StoredInvoiceReader.Read(d.Body).Document, signature, null)).ToArray();
            var storedLines = new Dictionary<long, string>();
            await using var connection = await source.OpenConnectionAsync();
            for (var i = 0; i < items.Count; i++)
            {
                // As the worker reads them: the jsonb the COPY stored, as text (PostgreSQL's own key order and spacing).
                if (WarehouseLinesJson.Write(items[i].WarehouseLines) is { } json)
                {
                    await using var command = new NpgsqlCommand("SELECT @Json::jsonb::text", connection);
                    command.Parameters.AddWithValue("Json", json);
                    storedLines[i + 1] = (string)(await command.ExecuteScalarAsync())!;
                }
            }

            return new Kind(payload, sender.Certificate, invoices, storedLines, items);
        }

        public int Bind()
        {
            var body = JsonSerializer.Deserialize<UploadInvoicesBody>(payload, JsonSerializerOptions.Web)!;
            var count = body.ToBatch().Items.Count;
            body.ReleaseBodies();
            return count;
        }

        public int Check() => items.Count(item => UploadChecks.Check(item, certificate).Violations.Count == 0);

        public int StoreLines() => items.Count(item => WarehouseLinesJson.Write(item.WarehouseLines) is not null);

        /// <param name="goods">Null: the registration rules alone, as a worker without the warehouse runs them.</param>
        /// <summary>The lines as the worker reads them with its upload's invoices (<see cref="RegistrationStore"/>), once per invoice.</summary>
        private static Dictionary<long, IReadOnlyList<Esf.Domain.Warehouse.WarehouseLineRef>> Read(Dictionary<long, string> stored) =>
            stored.ToDictionary(s => s.Key, s => WarehouseLinesJson.Read(s.Value));

        public async Task<int> JudgeAsync(NpgsqlConnection connection, InvoiceGoods? goods, DateOnly today)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            var verdicts = await BatchVerdicts.JudgeAsync(connection, transaction, invoices,
                () => RegistryFacts.LoadAsync(connection, [.. invoices.Select(i => i.Document!)], today, lockOriginals: true, CancellationToken.None),
                new Dictionary<long, IReadOnlyList<RuleViolation>>(), goods, Read(storedLines), CancellationToken.None);
            await transaction.RollbackAsync();
            Failed = verdicts.Count(v => !v.Passed);
            return verdicts.Count;
        }
    }
}
