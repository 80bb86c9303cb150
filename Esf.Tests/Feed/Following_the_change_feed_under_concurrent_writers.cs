using Dapper;
using Esf.Infrastructure.Feed;
using Esf.Tests.Infrastructure;
using Esf.Tests.Pipeline;
using Esf.Tests.Rest;
using Esf.Tests.Warehouse;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Feed;

/// <summary>
/// Writers commit status changes in parallel, each holding its transaction open for a random moment after taking its history
/// id, so commits land out of id order; a consumer follows the feed meanwhile in small pages, resuming from its cursor. The
/// same holds across the kinds that share the counter: waybill history and warehouse movements.
/// </summary>
[TestFixture]
public sealed class Following_the_change_feed_under_concurrent_writers
{
    private const int Writers = 8;
    private const int ChangesPerWriter = 40;

    [Test]
    public async Task Should_see_every_change_exactly_once_and_in_cursor_order()
    {
        // Arrange
        var fixture = FeedGateway.Fixture;
        var driver = await PipelineDriver.StartAsync(fixture);
        var invoiceId = (await driver.UploadAsync(driver.Item(TestInvoices.Build(driver.Tenant)))).Accepted.Single().InvoiceId!.Value;
        await driver.FinishedAsync(invoiceId);
        var feed = fixture.Get<FeedReader>();
        var start = await DrainAsync(feed, driver, 0);

        // Act
        var writing = Task.WhenAll(Enumerable.Range(0, Writers).Select(w => WriteAsync(fixture, invoiceId, w)));
        var seen = await FollowAsync(feed, driver.Session.Tin, start, FeedKinds.Default, writing);

        // Assert
        var tags = seen.Where(e => e.Reason?.StartsWith("w", StringComparison.Ordinal) == true).Select(e => e.Reason!).ToList();
        var expected = Enumerable.Range(0, Writers).SelectMany(w => Enumerable.Range(0, ChangesPerWriter).Select(i => $"w{w}-{i}"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(tags, Is.EquivalentTo(expected), "every change once: none skipped, none repeated");
            Assert.That(seen.Select(e => e.Position), Is.Ordered.Ascending.And.Unique);
        }
    }

    [Test]
    public async Task Should_see_every_waybill_change_and_movement_exactly_once_in_one_cursor_order()
    {
        // Arrange: half the writers change a waybill, half move goods of the same enterprise, all at once (ADR 0031).
        var fixture = FeedGateway.Fixture;
        using var parties = await WaybillRestDriver.StartAsync(fixture);
        var tin = parties.Seller.Tenant.SellerTin;
        var waybillId = (await parties.UploadAcceptedAsync(parties.Body())).Single();
        await parties.ProcessedAsync(waybillId);
        var warehouse = await WarehouseRequests.CreateAsync(parties.Seller, "Склад");
        var goodsId = await WarehouseGoods.ReceiveAsync(tin, warehouse.Id(), 1m, fixture: fixture);
        var feed = fixture.Get<FeedReader>();
        var start = (await feed.ReadForTinAsync(tin, 0, FeedReader.MaxLimit, null, FeedKinds.All, CancellationToken.None)).Cursor;
        const string waybillChange = """
            INSERT INTO waybill_status_history (waybill_id, from_status, to_status, actor, reason, changed_at)
            VALUES (@Id, 'NOT_VIEWED', 'NOT_VIEWED', 'writer', @Tag, now())
            """;
        // A cause of its own per run: a movement is once per (cause kind, cause reference, kind) in the whole ledger.
        var movement = $"""
            INSERT INTO warehouse_movements (goods_id, warehouse_id, tin, quantity, kind, cause_kind, cause_ref, occurred_at)
            VALUES (@Id, {warehouse.Id()}, '{tin}', 1, 'RECEIPT', 'FEED{goodsId}', @Tag, now())
            """;

        // Act
        var writing = Task.WhenAll(Enumerable.Range(0, Writers).Select(w =>
            w % 2 == 0 ? WriteAsync(fixture, w, waybillChange, waybillId) : WriteAsync(fixture, w, movement, goodsId)));
        var seen = await FollowAsync(feed, tin, start, FeedKinds.All, writing);

        // Assert
        var tags = seen.Select(e => e.Reason!).ToList();
        var expected = Enumerable.Range(0, Writers).SelectMany(w => Enumerable.Range(0, ChangesPerWriter).Select(i => $"w{w}-{i}"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(tags, Is.EquivalentTo(expected), "every change once, of both kinds: none skipped, none repeated");
            Assert.That(seen.Select(e => e.Position), Is.Ordered.Ascending.And.Unique);
            Assert.That(seen.Where(e => e.Kind == FeedKind.Movement).Select(e => e.DocumentId), Is.Unique);
        }
    }

    /// <summary>Reads pages of 7 from <paramref name="cursor"/> while <paramref name="writing"/> runs, then to the end.</summary>
    private static async Task<List<FeedEvent>> FollowAsync(FeedReader feed, string tin, long cursor, IReadOnlyList<FeedKind> kinds, Task writing)
    {
        var seen = new List<FeedEvent>();
        while (true)
        {
            var done = writing.IsCompleted;
            var page = await feed.ReadForTinAsync(tin, cursor, 7, null, kinds, CancellationToken.None);
            seen.AddRange(page.Events);
            cursor = page.Cursor;
            if (done && !page.HasMore)
            {
                await writing;
                return seen;
            }
        }
    }

    private static async Task<long> DrainAsync(FeedReader feed, PipelineDriver driver, long cursor)
    {
        FeedPage page;
        do
        {
            page = await feed.ReadAsync(driver.Session, cursor, FeedReader.MaxLimit, null, FeedKinds.Default, CancellationToken.None);
            cursor = page.Cursor;
        }
        while (page.HasMore);
        return cursor;
    }

    private static Task WriteAsync(GatewayFixture fixture, long invoiceId, int writer) => WriteAsync(fixture, writer,
        "INSERT INTO invoice_status_history (invoice_id, from_status, to_status, actor, reason) VALUES (@Id, 'CREATED', 'CREATED', 'writer', @Tag)",
        invoiceId);

    /// <summary>
    /// Writes <see cref="ChangesPerWriter"/> rows with <paramref name="insert"/> (parameters <c>@Id</c> and <c>@Tag</c>, the tag
    /// <c>w{writer}-{i}</c>), each in a transaction held open a random moment after the insert.
    /// </summary>
    private static async Task WriteAsync(GatewayFixture fixture, int writer, string insert, long id)
    {
        var database = fixture.Get<NpgsqlDataSource>();
        for (var i = 0; i < ChangesPerWriter; i++)
        {
            await using var connection = await database.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync(insert, new { Id = id, Tag = $"w{writer}-{i}" }, transaction);
            await connection.ExecuteAsync("SELECT pg_sleep(random() * 0.02)", transaction: transaction);
            await transaction.CommitAsync();
        }
    }
}
