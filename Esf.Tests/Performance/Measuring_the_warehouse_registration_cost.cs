using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Esf.Bench;
using Esf.Infrastructure.Persistence;
using Esf.Infrastructure.Registration;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Sessions;
using Esf.Tests.Infrastructure;
using Esf.Tests.Warehouse;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Performance;

/// <summary>
/// A measurement, not a check of behaviour (run it by name): what PostgreSQL does per invoice when the worker registers the bench's
/// warehouse scenario (issue 13's "within 20 % of the plain path"), beside the bench's plain invoices, with figures that do not
/// depend on other load on the machine: round trips, statements, WAL bytes, shared buffers hit and dirtied (pg_stat_statements,
/// when the cluster preloads it), and the backends' CPU (<see cref="BackendCpu"/>, 10 ms ticks summed over the run; it depends on
/// the load less than wall time does). The shape is the bench's (<see cref="WarehouseScenario"/>): <see cref="Senders"/> sellers,
/// each holding one goods line and selling to its own customer, ten lines per invoice of which the first draws the goods, every
/// invoice at its own price (so every sale fills a new goods line of the customer), uploads of <see cref="Batch"/>
/// (ESF_PERF_BATCH). Uploads go through the gateway's REST endpoint of a gateway-only host on a database of its own; the worker's
/// real <see cref="InvoiceRegistrar"/> registers them on a pool of its own (application name <see cref="Worker"/>), one upload at a
/// time, kinds alternating. Before that, the customers already hold <see cref="EarlierSales"/> goods lines each (ESF_PERF_EARLIER_SALES;
/// the bench's 20,000 invoices leave 2,500 per customer, so 1,250 on average over its run). Last, the same uploads registered by
/// four at once (the worker's <c>ConcurrentMessageLimit</c> on 2 cores) while pg_stat_activity is sampled: how often a worker's
/// backend waits on a lock, and in which statement.
/// <para>
/// pg_stat_statements: the test's private cluster (.esf/test/pg) does not preload it; to get the per-statement figures run once
/// <c>ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'</c> on it and restart it (scripts/pg.sh or pg_ctl restart).
/// </para>
/// </summary>
[TestFixture]
[Explicit("a measurement: run it by name")]
[Category("Performance")]
public sealed class Measuring_the_warehouse_registration_cost
{
    private const int Senders = 8;
    private const string Worker = "esf-measured-worker";
    private static readonly int Batch = Setting("ESF_PERF_BATCH", 50);
    private static readonly int Rounds = Setting("ESF_PERF_ROUNDS", 4);
    private static readonly int EarlierSales = Setting("ESF_PERF_EARLIER_SALES", 1_250);

    [Test]
    public async Task Should_report_what_postgresql_does_per_invoice_of_the_warehouse_path()
    {
        await using var database = await ScratchDatabase.CreateAsync("whcost");
        await DatabaseMigrator.MigrateAsync(database.ConnectionString, CancellationToken.None);
        await using var gateway = await GatewayFixture.StartAsync(roles: "gateway",
            settings: new Dictionary<string, string?> { ["ConnectionStrings:Esf"] = database.ConnectionString });
        await using var source = NpgsqlDataSource.Create(database.ConnectionString);
        var senders = InvoiceFactory.CreateSenders(Senders);
        await InvoiceFactory.RegisterAsync(new RegistryWriter(source), senders, CancellationToken.None);
        var warehouse = new WarehouseScenario();
        await warehouse.PrepareRegistryAsync(source, senders, CancellationToken.None);
        await FillEarlierSalesAsync(source, EarlierSales);
        var uploader = await Uploader.StartAsync(gateway, senders);
        // Per kind: one warm-up upload per sender, Rounds measured one by one, Rounds registered concurrently.
        var kinds = new Dictionary<string, IScenario> { ["plain"] = new InvoiceScenario(), ["warehouse"] = warehouse };
        var uploads = new Dictionary<string, Queue<long>>();
        var first = 1;
        foreach (var (name, scenario) in kinds)
        {
            uploads[name] = new Queue<long>(await uploader.UploadAsync(scenario, (1 + 2 * Rounds) * Senders, first));
            first += (1 + 2 * Rounds) * Senders * Batch;
        }

        await using var workerPool = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = Worker }.ConnectionString);
        var registrar = ActivatorUtilities.CreateInstance<InvoiceRegistrar>(gateway.Services, workerPool);
        await using var meter = await source.OpenConnectionAsync();
        var statements = await Statements.OpenAsync(meter);

        foreach (var name in kinds.Keys)
        {
            foreach (var upload in Take(uploads[name], Senders))
            {
                await registrar.ProcessAsync(upload, CancellationToken.None);
            }
        }

        var figures = kinds.Keys.ToDictionary(k => k, _ => new Figures());
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var name in kinds.Keys)
            {
                await figures[name].AddAsync(meter, statements, async () =>
                {
                    var roundTrips = 0;
                    foreach (var upload in Take(uploads[name], Senders))
                    {
                        using var counter = new NpgsqlRoundTrips();
                        await registrar.ProcessAsync(upload, CancellationToken.None);
                        roundTrips += counter.Count;
                    }

                    return roundTrips;
                });
            }
        }

        var invoices = Rounds * Senders * Batch;
        TestContext.Out.WriteLine($"registration by the worker, one upload at a time, per invoice ({Senders} sellers, uploads of {Batch}, {Rounds} rounds, "
            + $"{EarlierSales} earlier sales' goods lines per customer):");
        foreach (var (name, figure) in figures)
        {
            figure.Report(name, invoices);
        }

        var arrival = new Random(13);
        TestContext.Out.WriteLine("registered four at once (the worker's ConcurrentMessageLimit on 2 cores), pg_stat_activity sampled:");
        foreach (var name in kinds.Keys)
        {
            // In an order of arrival as the broker may hand them out (eight senders uploading at once), not senders in turn.
            var waits = await ConcurrentWaits.MeasureAsync(registrar, [.. uploads[name].OrderBy(_ => arrival.Next())], meter);
            TestContext.Out.WriteLine($"  {name,-10} {waits}");
        }

        var movements = await meter.ExecuteScalarAsync<long>("SELECT count(*) FROM warehouse_movements WHERE invoice_id IS NOT NULL");
        var failed = await meter.ExecuteScalarAsync<long>("SELECT count(*) FROM invoices WHERE status <> 'CREATED'");
        Assert.That(failed, Is.Zero, "every invoice registers");
        Assert.That(movements, Is.EqualTo(2L * (1 + 2 * Rounds) * Senders * Batch), "every warehouse invoice sold its first line (SALE_OUT and SALE_IN)");
    }

    private static IEnumerable<long> Take(Queue<long> queue, int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return queue.Dequeue();
        }
    }

    /// <summary>Goods lines of the customers' default warehouses at prices no invoice names, as a bench run's earlier sales left them.</summary>
    private static async Task FillEarlierSalesAsync(NpgsqlDataSource source, int perCustomer)
    {
        await using var command = source.CreateCommand("""
            INSERT INTO warehouse_goods (warehouse_id, tin, gsvs_code, tnved_code, source_kind, source_number, source_position, source_name,
                                         country, price, unit, gsvs_name, quantity)
            SELECT w.warehouse_id, w.tin, s.gsvs_code, s.tnved_code, s.source_kind, s.source_number, s.source_position, s.source_name,
                   s.country, 100000 + p, s.unit, s.gsvs_name, 1
            FROM warehouses w JOIN warehouse_goods s ON s.tin = '91' || substr(w.tin, 3) CROSS JOIN generate_series(1, @Count) AS p
            WHERE w.tin LIKE '92%'
            """);
        command.Parameters.AddWithValue("Count", perCustomer);
        await command.ExecuteNonQueryAsync();
        await using var vacuum = source.CreateCommand("VACUUM ANALYZE");
        await vacuum.ExecuteNonQueryAsync();
    }

    private static int Setting(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var n) ? n : fallback;

    /// <summary>The senders' sessions and the gateway's REST upload endpoint; answers the upload ids, senders in turn as the bench sends.</summary>
    private sealed class Uploader(GatewayFixture gateway, Dictionary<Sender, string> tokens)
    {
        public static async Task<Uploader> StartAsync(GatewayFixture gateway, IReadOnlyList<Sender> senders)
        {
            var sessions = gateway.Get<SessionService>();
            var tokens = new Dictionary<Sender, string>();
            foreach (var sender in senders)
            {
                tokens[sender] = await sessions.CreateAsync(
                    new CreateSessionRequest(sender.SellerTin, sender.CertificateBase64, sender.UserIin, Sender.Password), CancellationToken.None);
            }

            return new Uploader(gateway, tokens);
        }

        public async Task<List<long>> UploadAsync(IScenario scenario, int count, int firstNum)
        {
            var senders = tokens.Keys.ToList();
            var documents = scenario.CreateSigned(senders, count * Batch, firstNum);
            using var http = gateway.CreateClient();
            var ids = new List<long>();
            for (var i = 0; i < count; i++)
            {
                var sender = senders[i % senders.Count];
                var request = scenario.RestUpload(sender, [.. documents.Where(d => d.Sender == sender).Skip(i / senders.Count * Batch).Take(Batch)]);
                using var message = new HttpRequestMessage(HttpMethod.Post, request.Path) { Content = new ByteArrayContent(request.Body) };
                message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[sender]);
                using var response = await http.SendAsync(message);
                var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                Assert.That(scenario.ReadRestAnswer(answer).Accepted, Is.EqualTo(Batch), answer.ToString());
                ids.Add(answer.GetProperty("uploadId").GetInt64());
            }

            return ids;
        }
    }

    /// <summary>One kind's figures summed over its measured rounds.</summary>
    private sealed class Figures
    {
        private readonly Dictionary<string, Statements.Row> perStatement = new(StringComparer.Ordinal);
        private long wal;
        private long roundTrips;
        private TimeSpan cpu;

        public async Task AddAsync(NpgsqlConnection meter, Statements statements, Func<Task<int>> run)
        {
            await statements.ResetAsync();
            var (walBefore, cpuBefore) = (await WalAsync(meter), await WorkerCpuAsync(meter));
            roundTrips += await run();
            (wal, cpu) = (wal + await WalAsync(meter) - walBefore, cpu + await WorkerCpuAsync(meter) - cpuBefore);
            foreach (var row in await statements.ReadAsync())
            {
                perStatement[row.Query] = perStatement.TryGetValue(row.Query, out var sum) ? sum + row : row;
            }
        }

        public void Report(string name, int invoices)
        {
            var total = perStatement.Values.Aggregate(new Statements.Row("", 0, 0, 0, 0, 0, 0), (a, b) => a + b);
            TestContext.Out.WriteLine($"  {name,-10} {roundTrips / (double)invoices,6:F3} round trips  {wal / (double)invoices,7:F0} WAL bytes  "
                + $"{cpu.TotalMicroseconds / invoices,6:F1} µs backend CPU"
                + (perStatement.Count == 0 ? "  (pg_stat_statements not loaded)"
                    : $"  {total.Calls / (double)invoices,6:F3} statements  {total.Hit / (double)invoices,6:F1} buffers hit  "
                      + $"{total.Dirtied / (double)invoices,5:F2} dirtied  {total.Rows / (double)invoices,6:F2} rows  {total.Millis * 1000 / invoices,6:F1} µs executing"));
            foreach (var row in perStatement.Values.OrderByDescending(r => r.Millis).Take(14))
            {
                TestContext.Out.WriteLine($"      {row.Millis * 1000 / invoices,6:F1} µs {row.Hit / (double)invoices,6:F1} hit {row.Dirtied / (double)invoices,5:F2} dirtied "
                    + $"{row.Wal / (double)invoices,6:F0} WAL {row.Calls / (double)invoices,6:F3} calls  {Shorten(row.Query)}");
            }
        }

        private static string Shorten(string query)
        {
            var flat = string.Join(' ', query.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
            return flat.Length <= 110 ? flat : flat[..110] + "…";
        }
    }

    /// <summary>pg_stat_statements of the scratch database, when the cluster preloads it (otherwise nothing is read).</summary>
    private sealed class Statements(NpgsqlConnection meter, bool loaded)
    {
        public sealed record Row(string Query, long Calls, long Rows, long Hit, long Dirtied, long Wal, double Millis)
        {
            public static Row operator +(Row a, Row b) =>
                new(a.Query, a.Calls + b.Calls, a.Rows + b.Rows, a.Hit + b.Hit, a.Dirtied + b.Dirtied, a.Wal + b.Wal, a.Millis + b.Millis);
        }

        public static async Task<Statements> OpenAsync(NpgsqlConnection meter)
        {
            var loaded = (await meter.ExecuteScalarAsync<string>("SHOW shared_preload_libraries")).Contains("pg_stat_statements", StringComparison.Ordinal);
            if (loaded)
            {
                await meter.ExecuteScalarAsync<object>("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            }

            return new Statements(meter, loaded);
        }

        public async Task ResetAsync()
        {
            if (loaded)
            {
                await meter.ExecuteScalarAsync<object>("SELECT pg_stat_statements_reset()");
            }
        }

        public async Task<List<Row>> ReadAsync()
        {
            var rows = new List<Row>();
            if (!loaded)
            {
                return rows;
            }

            await using var command = new NpgsqlCommand("""
                SELECT s.query, s.calls, s.rows, s.shared_blks_hit, s.shared_blks_dirtied, s.wal_bytes::bigint, s.total_exec_time
                FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                WHERE d.datname = current_database() AND s.query NOT LIKE '%pg_stat_%' AND s.query NOT LIKE '%pg_current_wal%'
                """, meter);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(new Row(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetDouble(6)));
            }

            return rows;
        }
    }

    /// <summary>
    /// Uploads registered by four at once, in the order given, while the worker's backends are sampled (a sample every millisecond or
    /// so: how often, not how long, a backend waits; the counts depend on the machine's load, the places do not).
    /// </summary>
    private static class ConcurrentWaits
    {
        public static async Task<string> MeasureAsync(InvoiceRegistrar registrar, IReadOnlyList<long> uploads, NpgsqlConnection meter)
        {
            var queue = new ConcurrentQueue<long>(uploads);
            using var done = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                while (queue.TryDequeue(out var upload))
                {
                    await registrar.ProcessAsync(upload, CancellationToken.None);
                }
            })).ToList();
            var all = Task.WhenAll(workers);
            var (samples, active, waiting) = (0, 0, 0);
            var where = new Dictionary<string, int>(StringComparer.Ordinal);
            while (!all.IsCompleted)
            {
                await using (var command = new NpgsqlCommand($"""
                    SELECT state = 'active', wait_event_type IS NOT DISTINCT FROM 'Lock', coalesce(wait_event, ''), left(regexp_replace(query, '\s+', ' ', 'g'), 60)
                    FROM pg_stat_activity WHERE application_name = '{Worker}'
                    """, meter))
                await using (var reader = await command.ExecuteReaderAsync())
                {
                    samples++;
                    while (await reader.ReadAsync())
                    {
                        if (reader.GetBoolean(0))
                        {
                            active++;
                            if (reader.GetBoolean(1))
                            {
                                waiting++;
                                var key = reader.GetString(2) + ": " + reader.GetString(3);
                                where[key] = where.GetValueOrDefault(key) + 1;
                            }
                        }
                    }
                }

                await Task.Delay(1);
            }

            await all;
            return $"{samples} samples, {active} active backends seen, {waiting} of them waiting on a lock ({(active == 0 ? 0 : 100.0 * waiting / active):F0} %)"
                + string.Concat(where.OrderByDescending(w => w.Value).Take(4).Select(w => $"\n             {w.Value,5} × {w.Key}"));
        }
    }

    private static async Task<long> WalAsync(NpgsqlConnection meter) =>
        (long)await meter.ExecuteScalarAsync<decimal>("SELECT pg_current_wal_insert_lsn() - '0/0'::pg_lsn");

    /// <summary>The CPU of the worker pool's backends so far (the pool keeps them open between uploads).</summary>
    private static async Task<TimeSpan> WorkerCpuAsync(NpgsqlConnection meter)
    {
        await using var command = new NpgsqlCommand($"SELECT pid FROM pg_stat_activity WHERE application_name = '{Worker}'", meter);
        var total = TimeSpan.Zero;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            total += BackendCpu.Of(reader.GetInt32(0));
        }

        return total;
    }
}

/// <summary>Scalar queries on the measuring connection.</summary>
file static class MeterQueries
{
    public static async Task<T> ExecuteScalarAsync<T>(this NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
