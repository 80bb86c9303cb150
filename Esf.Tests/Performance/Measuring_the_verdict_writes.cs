using System.Text.Json;
using Esf.Api.Rest.Invoices;
using Esf.Bench;
using Esf.Infrastructure.Feed;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Notifications;
using Esf.Infrastructure.Persistence;
using Esf.Infrastructure.Registration;
using Esf.Infrastructure.Sessions;
using Esf.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Performance;

/// <summary>
/// A measurement, not a check of behaviour (run it by name): what the worker's verdict UPDATE of a batch of 100 costs PostgreSQL on
/// a filled <c>invoices</c> table, and how much of it each index is. Each variant runs in a transaction that is rolled back (an
/// index is dropped inside it: DDL is transactional), alternating with the unchanged schema, on the same batch. The WAL bytes and
/// buffers it prints do not depend on other load on the machine; the times do.
/// </summary>
[TestFixture]
[Explicit("a measurement: run it by name")]
[Category("Performance")]
public sealed class Measuring_the_verdict_writes
{
    private const int Filled = 50_000;
    private const int Batch = 100;
    private const int Rounds = 3;

    // The worker's UPDATE (VerdictWriter) for a batch that all registers.
    private const string Verdict = """
        EXPLAIN (ANALYZE, BUFFERS, WAL, FORMAT JSON)
        UPDATE invoices i SET status = 'CREATED', registration_number = 'ESF-' || i.seller_tin || '-20261204-' || lpad(i.invoice_id::text, 17, '0'),
            related_invoice_id = NULL, signature_valid = true, cancel_reason = NULL, last_update_date = now()
        WHERE i.upload_id = @Upload AND i.status = 'IN_QUEUE'
        """;

    [Test]
    public async Task Should_report_what_each_index_costs_the_verdict_update()
    {
        await using var filled = await FilledDatabase.CreateAsync("verdicts");
        var (connection, body, upload) = (filled.Connection, filled.Body, filled.Upload);
        var indexes = await IndexesAsync(connection);

        await MeasureAsync(connection, upload, null);
        TestContext.Out.WriteLine($"verdict UPDATE of {Batch} on {Filled} invoices, per invoice (median of {Rounds}, A/B alternated):");
        await MeasureStorageAsync(connection, body);
        foreach (var index in indexes.Prepend(null))
        {
            var runs = new List<(double Ms, long Wal, long Buffers)>();
            for (var round = 0; round < Rounds; round++)
            {
                await MeasureAsync(connection, upload, null);
                runs.Add(await MeasureAsync(connection, upload, index));
            }

            var median = runs.OrderBy(r => r.Wal).ElementAt(Rounds / 2);
            var time = runs.Select(r => r.Ms).Order().ElementAt(Rounds / 2);
            TestContext.Out.WriteLine($"{(index is null ? "all indexes" : "without " + index),-50} {time * 1000 / Batch,8:F1} µs  "
                + $"{median.Wal / (double)Batch,8:F0} WAL bytes  {median.Buffers / (double)Batch,6:F1} buffers");
        }
    }

    private const int PlainBatch = 50;
    private const int PlainUploads = 10;

    /// <summary>
    /// Everything PostgreSQL writes for a plain invoice, through the real code on the bench's own invoices (≈ 6.6 KB, ten lines) in
    /// uploads of <see cref="PlainBatch"/>: the gateway's upload (<see cref="InvoiceUploader"/>: outbox row, COPY, IN_QUEUE history),
    /// the worker's (<see cref="InvoiceRegistrar"/>: claim, read, lock, registration numbers, verdict UPDATE, CREATED history with
    /// its notification), and the feed's sequencing of what they wrote (<see cref="FeedSequencer"/>, <see cref="NotificationSequencer"/>).
    /// Per phase it prints the WAL per relation and record (<see cref="WalRecords"/>: index entries per index, HOT or not, TOAST,
    /// full-page images) and, when the cluster preloads pg_stat_statements, blocks and WAL per statement. Each run is measured twice:
    /// right after a CHECKPOINT (every page's first change writes a full-page image, as at the start of the bench's window) and
    /// again without one. ESF_PERF_WAL_COMPRESSION sets the sessions' <c>wal_compression</c> (off, pglz, lz4, zstd).
    /// These counts do not depend on other load on the machine.
    /// </summary>
    [Test]
    public async Task Should_report_what_postgresql_writes_per_plain_invoice()
    {
        var compression = Environment.GetEnvironmentVariable("ESF_PERF_WAL_COMPRESSION") ?? "off";
        var connectionString = new NpgsqlConnectionStringBuilder(TestServices.RequirePostgres()) { Options = $"-c wal_compression={compression}" }.ConnectionString;
        await using var fixture = await GatewayFixture.StartAsync(roles: "gateway", settings: new Dictionary<string, string?> { ["ConnectionStrings:Esf"] = connectionString });
        using var tenant = await TestTenant.CreateAsync(fixture);
        var session = await fixture.Get<SessionService>().RequireAsync(await tenant.OpenSessionAsync(fixture), CancellationToken.None);
        var path = new PlainPath(fixture, tenant, session);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var statements = await Statements.TryStartAsync(connection);
        TestContext.Out.WriteLine(await SettingsAsync(connection));

        // Warm-up: plan caches, tiered code, the tables no longer empty.
        for (var i = 0; i < 4; i++)
        {
            await path.SequenceAsync(await path.RegisterAsync(await path.UploadAsync(1)));
        }

        foreach (var afterCheckpoint in new[] { true, false })
        {
            if (afterCheckpoint)
            {
                await ExecuteAsync(connection, "CHECKPOINT");
            }

            const double invoices = PlainBatch * PlainUploads;
            TestContext.Out.WriteLine($"--- {PlainUploads} uploads of {PlainBatch}, {(afterCheckpoint ? "right after a CHECKPOINT" : "no checkpoint")}, wal_compression = {compression}");
            var uploads = await MeasureAsync(connection, statements, "gateway: upload", invoices, () => path.UploadAsync(PlainUploads));
            await MeasureAsync(connection, statements, "worker: registration", invoices, () => path.RegisterAsync(uploads));
            await MeasureAsync(connection, statements, "feed and notifications: sequencing", invoices, () => path.SequenceAsync(uploads));
            TestContext.Out.WriteLine(await StorageAsync(connection, uploads));
        }
    }

    private static async Task<T> MeasureAsync<T>(NpgsqlConnection connection, Statements? statements, string phase, double invoices, Func<Task<T>> work)
    {
        if (statements is not null)
        {
            await statements.ResetAsync();
        }

        var start = await WalRecords.PositionAsync(connection);
        var result = await work();
        var wal = await WalRecords.SinceAsync(connection, start);
        wal.Print(TestContext.Out, phase, invoices);
        TestContext.Out.WriteLine("    index entries per invoice: " + string.Join(", ", wal.IndexEntries().Select(e => $"{e.Index} {e.Entries / invoices:F2}")));
        if (statements is not null)
        {
            await statements.PrintAsync(TestContext.Out, invoices);
        }

        return result;
    }

    private static async Task<string> SettingsAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""
            SELECT string_agg(name || ' = ' || setting || coalesce(unit, ''), ', ' ORDER BY name) FROM pg_settings
            WHERE name IN ('wal_compression', 'full_page_writes', 'default_toast_compression', 'checkpoint_timeout', 'max_wal_size',
                           'shared_buffers', 'synchronous_commit', 'wal_level')
            """, connection);
        await using var storage = new NpgsqlCommand("""
            SELECT string_agg(attname || ' storage ' || attstorage::text || ' compression ' || coalesce(nullif(attcompression::text, ''), 'default'), ', ' ORDER BY attnum)
                   || '; invoices options: ' || coalesce((SELECT array_to_string(reloptions, ', ') FROM pg_class WHERE relname = 'invoices'), 'none')
            FROM pg_attribute WHERE attrelid = 'invoices'::regclass AND attname IN ('body', 'certificate', 'warehouse_lines')
            """, connection);
        return $"settings: {await command.ExecuteScalarAsync()}{Environment.NewLine}storage: {await storage.ExecuteScalarAsync()}";
    }

    /// <summary>How the measured invoices' body and certificate are stored: sizes, compression, inline or in the TOAST table.</summary>
    private static async Task<string> StorageAsync(NpgsqlConnection connection, long[] uploads)
    {
        await using var command = new NpgsqlCommand("""
            SELECT round(avg(octet_length(body))), round(avg(pg_column_size(body))), min(pg_column_compression(body)),
                   round(avg(octet_length(c.certificate))), round(avg(pg_column_size(c.certificate))), coalesce(min(pg_column_compression(c.certificate)), 'none'),
                   round(avg(pg_column_size(i.*))), count(*) FILTER (WHERE status = 'CREATED'), count(*),
                   (SELECT pg_relation_size(reltoastrelid) FROM pg_class WHERE relname = 'invoices')
            FROM invoices i JOIN certificates c ON c.certificate_id = i.certificate_id WHERE upload_id = ANY(@Uploads)
            """, connection);
        command.Parameters.AddWithValue("Uploads", uploads);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.That(reader.GetInt64(7), Is.EqualTo(reader.GetInt64(8)).And.EqualTo(uploads.Length * PlainBatch), "every measured invoice registered");
        return $"    storage: body {reader.GetDecimal(0)} bytes → {reader.GetDecimal(1)} stored ({reader.GetString(2)}), certificate {reader.GetDecimal(3)} → "
            + $"{reader.GetDecimal(4)} ({reader.GetString(5)}), row as read {reader.GetDecimal(6)} bytes; invoices' TOAST table {reader.GetInt64(9) / 1024} KiB";
    }

    /// <summary>The plain invoice's path through the real code, phase by phase, on the bench's invoices.</summary>
    private sealed class PlainPath(GatewayFixture fixture, TestTenant tenant, SessionContext session)
    {
        private readonly Sender sender = new(0, tenant.SellerTin, tenant.CustomerTin, tenant.UserIin, tenant.Certificate);
        private readonly InvoiceUploader uploader = fixture.Get<InvoiceUploader>();
        private readonly InvoiceRegistrar registrar = fixture.Create<InvoiceRegistrar>();
        private readonly JsonSerializerOptions json = fixture.Get<IOptions<JsonOptions>>().Value.SerializerOptions;
        private int nextNum = 1;

        public async Task<long[]> UploadAsync(int count)
        {
            // Built, signed and serialised before the phase is measured.
            var payloads = Enumerable.Range(0, count).Select(_ =>
            {
                var documents = InvoiceFactory.CreateSigned([sender], PlainBatch, nextNum);
                nextNum += PlainBatch;
                return new InvoiceScenario().RestUpload(sender, documents).Body;
            }).ToList();
            var uploads = new List<long>();
            foreach (var payload in payloads)
            {
                var body = JsonSerializer.Deserialize<UploadInvoicesBody>(payload, json)!;
                var result = await uploader.UploadAsync(session, body.ToBatch(), "REST", null, CancellationToken.None);
                body.ReleaseBodies();
                Assert.That(result.Accepted, Has.Count.EqualTo(PlainBatch), "every invoice accepted");
                uploads.Add(result.UploadId!.Value);
            }

            return [.. uploads];
        }

        public async Task<long[]> RegisterAsync(long[] uploads)
        {
            foreach (var upload in uploads)
            {
                await registrar.ProcessAsync(upload, CancellationToken.None);
            }

            return uploads;
        }

        public async Task<long[]> SequenceAsync(long[] uploads)
        {
            await fixture.Get<FeedSequencer>().SequenceAsync(CancellationToken.None);
            await fixture.Get<NotificationSequencer>().SequenceAsync(CancellationToken.None);
            return uploads;
        }
    }

    /// <summary>
    /// pg_stat_statements of the measured database (when the cluster preloads it, e.g. a private cluster started with
    /// <c>shared_preload_libraries = 'pg_stat_statements'</c> and <c>pg_stat_statements.track = all</c>, given in ESF_TEST_POSTGRES).
    /// </summary>
    private sealed class Statements(NpgsqlConnection connection)
    {
        public static async Task<Statements?> TryStartAsync(NpgsqlConnection connection)
        {
            await using var loaded = new NpgsqlCommand("SELECT current_setting('shared_preload_libraries') LIKE '%pg_stat_statements%'", connection);
            if (!(bool)(await loaded.ExecuteScalarAsync())!)
            {
                TestContext.Out.WriteLine("pg_stat_statements is not preloaded by this cluster: no per-statement figures");
                return null;
            }

            await ExecuteAsync(connection, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            return new Statements(connection);
        }

        public Task ResetAsync() => ExecuteAsync(connection, "SELECT pg_stat_statements_reset()");

        public async Task PrintAsync(TextWriter output, double invoices)
        {
            await using var command = new NpgsqlCommand("""
                SELECT calls, shared_blks_hit + shared_blks_read, shared_blks_dirtied, wal_bytes, wal_fpi, total_exec_time, toplevel,
                       regexp_replace(left(query, 110), '\s+', ' ', 'g')
                FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND query NOT LIKE '%pg_stat_statements%' AND query NOT LIKE '%pg_current_wal%'
                ORDER BY shared_blks_hit + shared_blks_read + shared_blks_dirtied DESC
                """, connection);
            await using var reader = await command.ExecuteReaderAsync();
            output.WriteLine($"    statements, per invoice:  calls  blocks  dirtied  WAL bytes  full pages  exec µs");
            while (await reader.ReadAsync())
            {
                var blocks = reader.GetInt64(1) / invoices;
                if (blocks < 0.05 && reader.GetDecimal(3) == 0)
                {
                    continue;
                }

                output.WriteLine($"    {(reader.GetBoolean(6) ? "" : "(nested) ")}{reader.GetInt64(0) / invoices,5:F2} {blocks,7:F1} {reader.GetInt64(2) / invoices,7:F2} "
                    + $"{(double)reader.GetDecimal(3) / invoices,9:F0} {reader.GetInt64(4) / invoices,8:F2} {reader.GetDouble(5) * 1000 / invoices,8:F1}  {reader.GetString(7)}");
            }
        }
    }

    /// <summary>
    /// The history rows of a batch, as <c>StatusHistoryStore</c> writes them — the worker's verdict (IN_QUEUE → CREATED, after the
    /// verdict UPDATE) and the gateway's IN_QUEUE rows — with the notification trigger of ADR 0036 (as migrated) and without it
    /// (dropped inside the rolled-back transaction), alternating. The WAL bytes and the notifications written do not depend on
    /// other load on the machine; the backend's CPU (10 ms ticks, summed over the rounds) does, less than wall time.
    /// </summary>
    [Test]
    public async Task Should_report_what_the_notification_trigger_costs_the_history_writes()
    {
        await using var filled = await FilledDatabase.CreateAsync("notifying");
        var (connection, upload) = (filled.Connection, filled.Upload);
        var pid = await BackendCpu.PidAsync(connection);
        const int rounds = 100;

        TestContext.Out.WriteLine($"history INSERT of {Batch} on {Filled} invoices, per invoice ({rounds} rounds, A/B alternated):");
        foreach (var (name, history, verdict) in new[] { ("worker: IN_QUEUE → CREATED", WorkerHistory, true), ("gateway: → IN_QUEUE", GatewayHistory, false) })
        {
            var totals = new Dictionary<bool, (long Wal, TimeSpan Cpu, long Notified)> { [true] = default, [false] = default };
            for (var round = 0; round <= rounds; round++)
            {
                foreach (var trigger in new[] { true, false })
                {
                    var (wal, cpu, notified) = await HistoryAsync(connection, pid, upload, history, verdict, trigger);
                    // Round 0 warms the session's plan caches (a pooled connection has them): not counted.
                    totals[trigger] = round == 0 ? default : (totals[trigger].Wal + wal, totals[trigger].Cpu + cpu, totals[trigger].Notified + notified);
                }
            }

            foreach (var (trigger, total) in totals)
            {
                const double invoices = rounds * Batch;
                TestContext.Out.WriteLine($"{name,-28} {(trigger ? "with the trigger" : "without it"),-17} {total.Wal / invoices,6:F0} WAL bytes  "
                    + $"{total.Cpu.TotalMicroseconds / invoices,6:F1} µs backend CPU  {total.Notified / invoices,4:F2} notifications");
            }

            Assert.That(totals[false].Notified, Is.Zero, "without the trigger nothing notifies");
            Assert.That(totals[true].Notified, Is.EqualTo(verdict ? rounds * Batch : 0), "one INBOUND_INVOICE per registered invoice, none for IN_QUEUE");
        }
    }

    private const string WorkerHistory = """
        INSERT INTO invoice_status_history (invoice_id, from_status, to_status, actor, tin, reason, changed_at)
        SELECT invoice_id, 'IN_QUEUE', 'CREATED', 'worker', NULL, NULL, now() FROM invoices WHERE upload_id = @Upload
        """;

    private const string GatewayHistory = """
        INSERT INTO invoice_status_history (invoice_id, from_status, to_status, actor, tin, reason, changed_at)
        SELECT invoice_id, NULL, 'IN_QUEUE', '880101300123', seller_tin, NULL, now() FROM invoices WHERE upload_id = @Upload
        """;

    /// <summary>One batch's history INSERT in a transaction that is rolled back: its WAL, the backend's CPU, the notifications it wrote.</summary>
    private static async Task<(long Wal, TimeSpan Cpu, long Notified)> HistoryAsync(
        NpgsqlConnection connection, int pid, long upload, string history, bool afterVerdict, bool withTrigger)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        if (!withTrigger)
        {
            await ExecuteAsync(connection, "DROP TRIGGER invoice_status_history_notifies ON invoice_status_history");
        }

        if (afterVerdict)
        {
            await using var update = new NpgsqlCommand(Verdict.Replace("EXPLAIN (ANALYZE, BUFFERS, WAL, FORMAT JSON)", "", StringComparison.Ordinal), connection);
            update.Parameters.AddWithValue("Upload", upload);
            await update.ExecuteNonQueryAsync();
        }

        var (walBefore, cpuBefore, notifiedBefore) = (await WalAsync(connection), BackendCpu.Of(pid), await NotificationsAsync(connection));
        await using (var insert = new NpgsqlCommand(history, connection))
        {
            insert.Parameters.AddWithValue("Upload", upload);
            await insert.ExecuteNonQueryAsync();
        }

        var measured = (await WalAsync(connection) - walBefore, BackendCpu.Of(pid) - cpuBefore, await NotificationsAsync(connection) - notifiedBefore);
        await transaction.RollbackAsync();
        return measured;
    }

    private static async Task<long> NotificationsAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM notifications", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// The whole life of a batch's rows in the worker's path (COPY-like INSERT, the worker's read of body and certificate, the verdict
    /// UPDATE) with the table's storage as it is and with <c>toast_tuple_target</c> lowered, so that body and certificate always
    /// live out of line and the UPDATE's new row version no longer copies them.
    /// </summary>
    private static async Task MeasureStorageAsync(NpgsqlConnection connection, string body)
    {
        foreach (var setting in new[] { null, "toast_tuple_target = 128" })
        {
            var runs = new List<(long InsertWal, double ReadMs, double UpdateMs, long UpdateWal)>();
            for (var round = 0; round < Rounds; round++)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                if (setting is not null)
                {
                    await ExecuteAsync(connection, $"ALTER TABLE invoices SET ({setting})");
                }

                var walBefore = await WalAsync(connection);
                var upload = await FillAsync(connection, body, Filled + 1_000 * (round + 1), Batch, "IN_QUEUE");
                var insertWal = await WalAsync(connection) - walBefore;
                var read = System.Diagnostics.Stopwatch.StartNew();
                await using (var select = new NpgsqlCommand($"SELECT i.invoice_id, i.body, i.signature, {CertificateOfInvoice.Column} FROM invoices i WHERE i.upload_id = @Upload", connection))
                {
                    select.Parameters.AddWithValue("Upload", upload);
                    await using var reader = await select.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                        _ = reader.GetString(1).Length + reader.GetString(3).Length;
                    }
                }

                var readMs = read.Elapsed.TotalMilliseconds;
                var (updateMs, updateWal, _) = await ExplainVerdictAsync(connection, upload);
                await transaction.RollbackAsync();
                runs.Add((insertWal, readMs, updateMs, updateWal));
            }

            var median = runs[Rounds / 2];
            TestContext.Out.WriteLine($"storage {setting ?? "as migrated",-28} INSERT {median.InsertWal / (double)Batch,6:F0} WAL bytes, "
                + $"worker read {runs.Select(r => r.ReadMs).Order().ElementAt(Rounds / 2) * 1000 / Batch,6:F1} µs, "
                + $"verdict UPDATE {runs.Select(r => r.UpdateMs).Order().ElementAt(Rounds / 2) * 1000 / Batch,6:F1} µs {median.UpdateWal / (double)Batch,6:F0} WAL bytes (per invoice)");
        }
    }

    private static async Task<long> WalAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT pg_current_wal_insert_lsn() - '0/0'::pg_lsn", connection);
        return (long)(decimal)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<(double Ms, long Wal, long Buffers)> MeasureAsync(NpgsqlConnection connection, long upload, string? withoutIndex)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        if (withoutIndex is not null)
        {
            await ExecuteAsync(connection, $"DROP INDEX {withoutIndex}");
        }

        var measured = await ExplainVerdictAsync(connection, upload);
        await transaction.RollbackAsync();
        return measured;
    }

    private static async Task<(double Ms, long Wal, long Buffers)> ExplainVerdictAsync(NpgsqlConnection connection, long upload)
    {
        await using var command = new NpgsqlCommand(Verdict, connection);
        command.Parameters.AddWithValue("Upload", upload);
        var plan = System.Text.Json.JsonDocument.Parse((string)(await command.ExecuteScalarAsync())!).RootElement[0];
        var top = plan.GetProperty("Plan");
        return (plan.GetProperty("Execution Time").GetDouble(), top.GetProperty("WAL Bytes").GetInt64(),
            top.GetProperty("Shared Hit Blocks").GetInt64() + top.GetProperty("Shared Read Blocks").GetInt64() + top.GetProperty("Shared Dirtied Blocks").GetInt64());
    }

    private static async Task<List<string>> IndexesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'invoices' AND indexname <> 'invoices_pkey' ORDER BY indexname", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>
    /// A migrated database of its own with <see cref="Filled"/> registered invoices and one upload of <see cref="Batch"/> still
    /// IN_QUEUE (<see cref="Upload"/>), vacuumed and analysed; dropped on dispose.
    /// </summary>
    private sealed class FilledDatabase : IAsyncDisposable
    {
        private readonly ScratchDatabase database;

        private FilledDatabase(ScratchDatabase database, NpgsqlConnection connection, string body, long upload) =>
            (this.database, Connection, Body, Upload) = (database, connection, body, upload);

        public NpgsqlConnection Connection { get; }

        public string Body { get; }

        public long Upload { get; }

        public static async Task<FilledDatabase> CreateAsync(string prefix)
        {
            var database = await ScratchDatabase.CreateAsync(prefix);
            await DatabaseMigrator.MigrateAsync(database.ConnectionString, CancellationToken.None);
            var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            var body = TestInvoices.Build("NUM", TestInvoices.Today, "123456789021", "123456789022");
            await FillAsync(connection, body, 1, Filled, "CREATED");
            var upload = await FillAsync(connection, body, Filled + 1, Batch, "IN_QUEUE");
            await ExecuteAsync(connection, "VACUUM ANALYZE");
            return new FilledDatabase(database, connection, body, upload);
        }

        public async ValueTask DisposeAsync()
        {
            await Connection.DisposeAsync();
            await database.DisposeAsync();
        }
    }

    /// <summary>An upload of <paramref name="count"/> invoices numbered from <paramref name="first"/>, generated in SQL as the bench's export does.</summary>
    private static async Task<long> FillAsync(NpgsqlConnection connection, string body, int first, int count, string status)
    {
        await using var upload = new NpgsqlCommand("""
            INSERT INTO uploads (session_id, tin, login, channel, item_count, accepted_count) VALUES ('generated', '123456789021', '880101300123', 'REST', @Count, @Count)
            RETURNING upload_id
            """, connection);
        upload.Parameters.AddWithValue("Count", count);
        var uploadId = (long)(await upload.ExecuteScalarAsync())!;
        await using var insert = new NpgsqlCommand("""
            INSERT INTO invoices (upload_id, registration_number, status, num, invoice_date, date_text, turnover_date, invoice_type, seller_tin,
                                  customer_tin, sender_tin, sender_login, body, signature, signature_type, signature_valid, certificate_id, version, hash)
            SELECT @Upload, CASE WHEN @Status = 'CREATED' THEN 'ESF-' || @Upload || '-' || g END, @Status, g::text,
                   current_date - (g % 365), to_char(current_date - (g % 365), 'DD.MM.YYYY'), current_date - (g % 365), 'ORDINARY_INVOICE',
                   '1234567' || lpad((g % 50)::text, 5, '0'), '2234567' || lpad((g % 500)::text, 5, '0'), '1234567' || lpad((g % 50)::text, 5, '0'),
                   '880101300123', replace(@Body, '<num>NUM</num>', '<num>' || g || '</num>'), 'generated', 'COMPANY', NULL, (SELECT certificate_id_of('generated')), 'InvoiceV2', md5(g::text)
            FROM generate_series(@First, @First + @Count - 1) AS g
            """, connection) { CommandTimeout = 0 };
        insert.Parameters.AddWithValue("Upload", uploadId);
        insert.Parameters.AddWithValue("Status", status);
        insert.Parameters.AddWithValue("Body", body);
        insert.Parameters.AddWithValue("First", first);
        insert.Parameters.AddWithValue("Count", count);
        await insert.ExecuteNonQueryAsync();
        return uploadId;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
