using System.Text.Json;
using Esf.Infrastructure.Persistence;
using Esf.Infrastructure.Registration;
using Esf.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Pipeline;

/// <summary>
/// The worker reads one upload's invoices awaiting their verdict while thousands of other uploads' invoices wait too (the bench's
/// backlog, issue 17). The read must go straight to that upload's rows through an index condition on <c>upload_id</c>, in a fresh
/// database (no statistics yet, as in every bench run) and once analysed. Before migration 0166 the planner of a fresh database
/// AND-ed the upload index with a full scan of the partial index of every unfinished invoice (<c>invoices_unfinished</c>, keyed by
/// a column no query searched), so each upload's read walked the whole backlog's index entries.
/// </summary>
[TestFixture]
[Category("Database")]
public sealed class Reading_an_upload_behind_a_backlog
{
    private const int Uploads = 150;
    private const int PerUpload = 50;

    private ScratchDatabase database = null!;
    private long lastUpload;

    [OneTimeSetUp]
    public async Task QueueABacklogAsync()
    {
        database = await ScratchDatabase.CreateAsync("upload_backlog");
        await DatabaseMigrator.MigrateAsync(database.ConnectionString, CancellationToken.None);
        await using var connection = await OpenAsync();
        for (var upload = 0; upload < Uploads; upload++)
        {
            lastUpload = await QueueUploadAsync(connection, upload < Uploads / 3 ? "CREATED" : "IN_QUEUE");
        }
    }

    [OneTimeTearDown]
    public async Task DropAsync() => await database.DisposeAsync();

    [Test]
    public async Task Should_find_the_uploads_invoices_by_an_index_condition_on_the_upload()
    {
        await using var connection = await OpenAsync();
        var beforeStatistics = await IndexScansAsync(connection);
        await using (var analyze = new NpgsqlCommand("ANALYZE invoices", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        var withStatistics = await IndexScansAsync(connection);

        Assert.Multiple(() =>
        {
            Assert.That(beforeStatistics, Is.Not.Empty, "the read uses an index in a fresh database");
            Assert.That(beforeStatistics, Has.All.Matches<(string Index, string Condition)>(s => s.Condition.Contains("upload_id", StringComparison.Ordinal)),
                "in a fresh database every index scanned is searched by the upload: " + string.Join("; ", beforeStatistics));
            Assert.That(withStatistics, Is.Not.Empty, "the read uses an index once analysed");
            Assert.That(withStatistics, Has.All.Matches<(string Index, string Condition)>(s => s.Condition.Contains("upload_id", StringComparison.Ordinal)),
                "once analysed every index scanned is searched by the upload: " + string.Join("; ", withStatistics));
        });
    }

    private async Task<List<(string Index, string Condition)>> IndexScansAsync(NpgsqlConnection connection)
    {
        await using var explain = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + RegistrationStore.UnfinishedOfUploadSql, connection);
        explain.Parameters.AddWithValue("UploadId", lastUpload);
        using var plan = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync())!);
        return IndexScans(plan.RootElement[0].GetProperty("Plan")).ToList();
    }

    [Test]
    public async Task Should_read_exactly_the_uploads_invoices_awaiting_their_verdict()
    {
        await using var connection = await OpenAsync();
        await using var read = new NpgsqlCommand(RegistrationStore.UnfinishedOfUploadSql, connection);
        read.Parameters.AddWithValue("UploadId", lastUpload);
        await using var reader = await read.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
        }

        Assert.That(rows, Is.EqualTo(PerUpload));
    }

    /// <summary>Every index scan of the plan (plain, index-only or bitmap) with its index condition, empty when it has none.</summary>
    private static IEnumerable<(string Index, string Condition)> IndexScans(JsonElement node)
    {
        if (node.TryGetProperty("Index Name", out var index))
        {
            yield return (index.GetString()!, node.TryGetProperty("Index Cond", out var condition) ? condition.GetString()! : "");
        }

        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var scan in children.EnumerateArray().SelectMany(IndexScans))
            {
                yield return scan;
            }
        }
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>One upload of <see cref="PerUpload"/> small invoices in the given status; returns its id.</summary>
    private static async Task<long> QueueUploadAsync(NpgsqlConnection connection, string status)
    {
        await using var command = new NpgsqlCommand("""
            WITH upload AS (
                INSERT INTO uploads (session_id, tin, login, channel, item_count, accepted_count)
                VALUES ('backlog', '123456789021', '880101300123', 'REST', @Rows, @Rows) RETURNING upload_id),
            inserted AS (
                INSERT INTO invoices (upload_id, status, num, invoice_date, date_text, invoice_type, seller_tin, sender_tin, sender_login,
                                      body, signature, signature_type, certificate_id, version, hash)
                SELECT upload.upload_id, @Status, upload.upload_id || '-' || g, current_date, to_char(current_date, 'DD.MM.YYYY'),
                       'ORDINARY_INVOICE', '123456789021', '123456789021', '880101300123', '<invoice/>', 'signature', 'COMPANY',
                       (SELECT certificate_id_of('certificate')), 'InvoiceV2', md5(upload.upload_id || '-' || g)
                FROM upload, generate_series(1, @Rows) AS g)
            SELECT upload_id FROM upload
            """, connection);
        command.Parameters.AddWithValue("Rows", PerUpload);
        command.Parameters.AddWithValue("Status", status);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
