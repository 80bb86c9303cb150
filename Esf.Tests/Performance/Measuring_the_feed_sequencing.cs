using Esf.Infrastructure.Feed;
using Esf.Infrastructure.Notifications;
using Esf.Infrastructure.Persistence;
using Esf.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Performance;

/// <summary>
/// A measurement, not a check of behaviour (run it by name): what the change feed's rows cost PostgreSQL per invoice, written and
/// then sequenced (issue 13, ADR 0043) — a plain registration (the gateway's IN_QUEUE and the worker's CREATED history rows, with
/// the notification their trigger writes) and a warehouse sale (its two movements). Each round writes a batch as the application
/// does, commits it, and lets <see cref="FeedSequencer"/> and <see cref="NotificationSequencer"/> number it, each on a pool of one
/// connection so that its backend's CPU can be read. WAL bytes do not depend on other load; CPU does, a little.
/// </summary>
[TestFixture]
[Explicit("a measurement: run it by name")]
[Category("Performance")]
public sealed class Measuring_the_feed_sequencing
{
    private const int Batch = 100;
    private const int Rounds = 40;

    // A sale's two movements as SaleBatch writes them: the seller's SALE_OUT and the buyer's SALE_IN.
    private const string Sales = """
        INSERT INTO warehouse_movements (goods_id, warehouse_id, tin, quantity, kind, cause_kind, cause_ref, occurred_at, invoice_id)
        SELECT g.goods_id, g.warehouse_id, g.tin, CASE g.tin WHEN '123456789021' THEN -1 ELSE 1 END,
               CASE g.tin WHEN '123456789021' THEN 'SALE_OUT' ELSE 'SALE_IN' END, 'INVOICE', i.invoice_id || '/1/0', now(), i.invoice_id
        FROM invoices i CROSS JOIN warehouse_goods g WHERE i.upload_id = @Upload ORDER BY i.invoice_id, g.goods_id
        """;

    [Test]
    public async Task Should_report_what_the_feed_rows_cost_written_and_sequenced()
    {
        await using var database = await ScratchDatabase.CreateAsync("sequencing");
        await DatabaseMigrator.MigrateAsync(database.ConnectionString, CancellationToken.None);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, Warehouses);
        var body = TestInvoices.Build("NUM", TestInvoices.Today, "123456789021", "123456789022");
        await using var feed = Sequencing(database.ConnectionString, "feed");
        await using var notifications = Sequencing(database.ConnectionString, "notifications");
        var feedSequencer = new FeedSequencer(feed);
        var notificationSequencer = new NotificationSequencer(notifications);
        await feedSequencer.SequenceAsync(CancellationToken.None);
        await notificationSequencer.SequenceAsync(CancellationToken.None);
        int[] pids = [await BackendCpu.PidAsync(connection), await PidAsync(connection, "feed"), await PidAsync(connection, "notifications")];

        TestContext.Out.WriteLine($"{Rounds} rounds of {Batch} invoices, per invoice (written + sequenced; CPU of the writing and both sequencing backends):");
        foreach (var (name, statements) in new[] { ("plain registration", new[] { Measuring_the_verdict_writes.GatewayHistory, Measuring_the_verdict_writes.WorkerHistory }), ("warehouse sale (movements)", new[] { Sales }) })
        {
            var (writtenWal, sequencedWal, writtenCpu, sequencedCpu) = (0L, 0L, TimeSpan.Zero, TimeSpan.Zero);
            for (var round = 0; round < Rounds; round++)
            {
                var upload = await Measuring_the_verdict_writes.FillAsync(connection, body, 1 + (round + (name.StartsWith('w') ? Rounds : 0)) * Batch, Batch, "CREATED");
                var (wal, cpu) = (await Measuring_the_verdict_writes.WalAsync(connection), Cpu(pids));
                foreach (var statement in statements)
                {
                    await using var insert = new NpgsqlCommand(statement, connection);
                    insert.Parameters.AddWithValue("Upload", upload);
                    await insert.ExecuteNonQueryAsync();
                }

                var (written, writtenBy) = (await Measuring_the_verdict_writes.WalAsync(connection), Cpu(pids));
                await feedSequencer.SequenceAsync(CancellationToken.None);
                await notificationSequencer.SequenceAsync(CancellationToken.None);
                var (sequenced, sequencedBy) = (await Measuring_the_verdict_writes.WalAsync(connection), Cpu(pids));
                (writtenWal, sequencedWal) = (writtenWal + written - wal, sequencedWal + sequenced - written);
                (writtenCpu, sequencedCpu) = (writtenCpu + writtenBy - cpu, sequencedCpu + sequencedBy - writtenBy);
            }

            const double invoices = Rounds * Batch;
            TestContext.Out.WriteLine($"{name,-28} written {writtenWal / invoices,6:F0} WAL bytes {writtenCpu.TotalMicroseconds / invoices,6:F1} µs CPU; "
                + $"sequenced {sequencedWal / invoices,6:F0} WAL bytes {sequencedCpu.TotalMicroseconds / invoices,6:F1} µs CPU");
        }
    }

    private const string Warehouses = """
        INSERT INTO warehouses (tin, name, location, kind, responsible_tin, is_default, created_at)
        VALUES ('123456789021', 'Продавец', 'Астана', 'WAREHOUSE', '880101300123', true, now()),
               ('123456789022', 'Покупатель', 'Алматы', 'WAREHOUSE', '880101300123', true, now());
        INSERT INTO warehouse_goods (warehouse_id, tin, gsvs_code, tnved_code, source_kind, source_number, source_name, country, price, unit, quantity)
        SELECT warehouse_id, tin, '1', '8471300000', 'DT', '1', 'Ноутбук', 'KZ', 100, '796', 1000000 FROM warehouses;
        """;

    /// <summary>A pool of one connection, named, so that its backend is found in pg_stat_activity.</summary>
    private static NpgsqlDataSource Sequencing(string connectionString, string name) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = name, MaxPoolSize = 1, MinPoolSize = 1 }.ConnectionString);

    private static async Task<int> PidAsync(NpgsqlConnection connection, string application)
    {
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE application_name = @Name", connection);
        command.Parameters.AddWithValue("Name", application);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private static TimeSpan Cpu(int[] pids) => pids.Aggregate(TimeSpan.Zero, (sum, pid) => sum + BackendCpu.Of(pid));

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
