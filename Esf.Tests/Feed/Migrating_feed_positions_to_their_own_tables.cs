using Dapper;
using DbUp;
using Esf.Infrastructure.Feed;
using Esf.Infrastructure.Notifications;
using Esf.Infrastructure.Persistence;
using Esf.Tests.Infrastructure;
using Esf.Tests.Performance;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Feed;

/// <summary>
/// Migration 0159 (ADR 0043) on a database of the time before it: the positions already handed out move to
/// <c>feed_positions</c> and <c>notification_positions</c> unchanged, the rows not yet sequenced are queued, and the next pass
/// continues after the highest position — no position is lost, repeated or given twice.
/// </summary>
[TestFixture]
public sealed class Migrating_feed_positions_to_their_own_tables
{
    [Test]
    public async Task Should_keep_every_position_handed_out_and_number_the_rest_after_them()
    {
        // Arrange: migrated up to 0158, with sequenced and unsequenced history rows and notifications.
        await using var database = await ScratchDatabase.CreateAsync("feedmove");
        MigrateBefore(database.ConnectionString, 159);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var upload = await Measuring_the_verdict_writes.FillAsync(
            connection, TestInvoices.Build("NUM", TestInvoices.Today, "123456789021", "123456789022"), 1, 1, "CREATED");
        var history = (await connection.QueryAsync<long>("""
            INSERT INTO invoice_status_history (invoice_id, to_status, actor, changed_at, feed_position, feed_at)
            SELECT invoice_id, s.status, 'test', now(), s.position, s.at FROM invoices i,
                   (VALUES ('IN_QUEUE', 5, timestamptz '2026-12-01 10:00:00Z'), ('IN_PROCESSING', 9, timestamptz '2026-12-01 10:00:01Z'),
                           ('DELIVERED', NULL, NULL)) AS s(status, position, at)
            WHERE i.upload_id = @Upload ORDER BY s.position NULLS LAST
            RETURNING id
            """, new { Upload = upload })).ToList();
        var notifications = (await connection.QueryAsync<long>("""
            INSERT INTO notifications (tin, kind, document_type, document_id, message, created_at, feed_position, feed_at)
            VALUES ('123456789022', 'INBOUND_INVOICE', 'INVOICE', 1, 'Поступил ЭСФ', now(), 4, timestamptz '2026-12-01 10:00:00Z'),
                   ('123456789022', 'INBOUND_INVOICE', 'INVOICE', 2, 'Поступил ЭСФ', now(), NULL, NULL)
            RETURNING id
            """)).ToList();

        // Act
        await DatabaseMigrator.MigrateAsync(database.ConnectionString, CancellationToken.None);
        await using (var sequencing = NpgsqlDataSource.Create(database.ConnectionString))
        {
            await new FeedSequencer(sequencing).SequenceAsync(CancellationToken.None);
            await new NotificationSequencer(sequencing).SequenceAsync(CancellationToken.None);
        }

        // Assert
        var feed = await connection.QueryAsync<(long RowId, long Position)>(
            "SELECT row_id, position FROM feed_positions WHERE source = 1 ORDER BY position");
        var notified = await connection.QueryAsync<(long RowId, long Position)>("SELECT row_id, position FROM notification_positions ORDER BY position");
        var movedAt = await connection.ExecuteScalarAsync<DateTime>("SELECT at FROM feed_positions WHERE position = 9");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(feed, Is.EqualTo(new[] { (history[0], 5L), (history[1], 9L), (history[2], 10L) }), "kept, and the rest after them");
            Assert.That(notified, Is.EqualTo(new[] { (notifications[0], 4L), (notifications[1], 5L) }));
            Assert.That(movedAt, Is.EqualTo(new DateTime(2026, 12, 1, 10, 0, 1, DateTimeKind.Utc)), "the instant moved with its position");
            Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM feed_pending") +
                await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM notification_pending"), Is.Zero, "nothing left queued");
        }
    }

    /// <summary>The migrations numbered below <paramref name="first"/>, as a database of that time had run them.</summary>
    private static void MigrateBefore(string connectionString, int first)
    {
        var result = DeployChanges.To.PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly,
                name => name.EndsWith(".sql", StringComparison.Ordinal) && int.Parse(name.Split('.')[^2][..4], System.Globalization.CultureInfo.InvariantCulture) < first)
            .WithTransactionPerScript().LogToNowhere().Build().PerformUpgrade();
        Assert.That(result.Successful, Is.True, result.Error?.Message);
    }
}
