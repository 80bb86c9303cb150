using Dapper;
using Esf.Infrastructure.Feed;
using Esf.Infrastructure.Notifications;
using Esf.Tests.Infrastructure;
using Esf.Tests.Pipeline;
using Esf.Tests.Rest;
using Esf.Tests.Warehouse;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Feed;

/// <summary>
/// Issues 13 and 17 (ADR 0043): the sequencers give the feed's rows their positions without rewriting them. A movement, an
/// invoice's status history row and a notification keep the row version their writer committed — the same ctid and xmin
/// (an UPDATE, HOT or not, gives the row a new xmin) — and their positions are in <c>feed_positions</c> and
/// <c>notification_positions</c>. Each row's version is taken from its INSERT's RETURNING, so a pass running in the background
/// in between cannot hide a rewrite.
/// </summary>
[TestFixture]
public sealed class Sequencing_the_feed_without_rewriting_rows
{
    private static GatewayFixture Fixture => FeedGateway.Fixture;

    [Test]
    public async Task Should_number_a_movement_without_rewriting_its_row()
    {
        // Arrange
        using var owner = await RestClient.LogInAsync(Fixture);
        var warehouse = await WarehouseRequests.CreateAsync(owner, "Склад");
        var goodsId = await WarehouseGoods.ReceiveAsync(owner.Tenant.SellerTin, warehouse.Id(), 5m, fixture: Fixture);

        // Act
        var (written, sequenced, positioned) = await WriteAndSequenceAsync<FeedSequencer>("warehouse_movements", "movement_id", """
            INSERT INTO warehouse_movements (goods_id, warehouse_id, tin, quantity, kind, cause_kind, cause_ref, occurred_at)
            SELECT goods_id, warehouse_id, tin, quantity, kind, 'TEST', 'not-rewritten-' || goods_id, occurred_at FROM warehouse_movements
            WHERE goods_id = @Id LIMIT 1
            RETURNING movement_id AS id, ctid::text || '/' || xmin::text AS version
            """, new { Id = goodsId }, "SELECT count(*) FROM feed_positions WHERE source = 3 AND row_id = @Id");

        // Assert
        Assert.That((sequenced, positioned), Is.EqualTo((written, 1L)), "the same row version as written, and one position");
    }

    [Test]
    public async Task Should_number_an_invoice_status_change_without_rewriting_its_row()
    {
        // Arrange
        var driver = await PipelineDriver.StartAsync(Fixture);
        var invoiceId = (await driver.UploadAsync(driver.Item(TestInvoices.Build(driver.Tenant)))).Accepted.Single().InvoiceId!.Value;
        await driver.FinishedAsync(invoiceId);

        // Act
        var (written, sequenced, positioned) = await WriteAndSequenceAsync<FeedSequencer>("invoice_status_history", "id", """
            INSERT INTO invoice_status_history (invoice_id, from_status, to_status, actor, reason) VALUES (@Id, 'CREATED', 'CREATED', 'test', 'not rewritten')
            RETURNING id, ctid::text || '/' || xmin::text AS version
            """, new { Id = invoiceId }, "SELECT count(*) FROM feed_positions WHERE source = 1 AND row_id = @Id");

        // Assert
        Assert.That((sequenced, positioned), Is.EqualTo((written, 1L)), "the same row version as written, and one position");
    }

    [Test]
    public async Task Should_number_a_notification_without_rewriting_its_row()
    {
        // Arrange
        using var client = await RestClient.LogInAsync(Fixture);

        // Act
        var (written, sequenced, positioned) = await WriteAndSequenceAsync<NotificationSequencer>("notifications", "id", """
            INSERT INTO notifications (tin, kind, document_type, document_id, document_number, message, created_at)
            VALUES (@Tin, 'INBOUND_INVOICE', 'INVOICE', 1, 'ESF-1', 'Поступил ЭСФ', now())
            RETURNING id, ctid::text || '/' || xmin::text AS version
            """, new { Tin = client.Tenant.SellerTin }, "SELECT count(*) FROM notification_positions WHERE row_id = @Id");

        // Assert
        Assert.That((sequenced, positioned), Is.EqualTo((written, 1L)), "the same row version as written, and one position");
    }

    /// <summary>Writes one row with <paramref name="insert"/>, lets <typeparamref name="TSequencer"/> number it, reads its version again.</summary>
    private static async Task<(string Written, string Sequenced, long Positions)> WriteAndSequenceAsync<TSequencer>(
        string table, string idColumn, string insert, object parameters, string positions) where TSequencer : PositionSequencer
    {
        await using var connection = await Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(long Id, string Version)>(insert, parameters);
        await Fixture.Get<TSequencer>().SequenceAsync(CancellationToken.None);
        var sequenced = await connection.ExecuteScalarAsync<string>(
            $"SELECT ctid::text || '/' || xmin::text FROM {table} WHERE {idColumn} = @Id", new { row.Id });
        return (row.Version, sequenced!, await connection.ExecuteScalarAsync<long>(positions, new { row.Id }));
    }
}
