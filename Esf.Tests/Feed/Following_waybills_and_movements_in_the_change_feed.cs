using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Esf.Infrastructure.Feed;
using Esf.Infrastructure.Warehouse;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using Esf.Tests.Warehouse;
using Npgsql;
using NUnit.Framework;
using static Esf.Tests.Rest.ProblemAssertions;

namespace Esf.Tests.Feed;

/// <summary>
/// Waybill status changes and warehouse movements in GET /api/v1/updates (issues 12 and 13, ADR 0031): chosen with
/// <c>kinds</c>, numbered from the invoices' counter so one cursor follows all, and each shown to exactly those who may see the
/// document: a waybill event to whoever sees the waybill, a movement to the warehouse's owner only.
/// </summary>
[TestFixture]
public sealed class Following_waybills_and_movements_in_the_change_feed
{
    private static GatewayFixture Fixture => FeedGateway.Fixture;

    [Test]
    public async Task Should_show_every_status_change_of_a_waybill_to_its_seller_and_buyer_and_nothing_to_a_stranger()
    {
        // Arrange
        using var parties = await WaybillRestDriver.StartAsync(Fixture);
        using var stranger = await RestClient.LogInAsync(Fixture);
        var id = (await parties.UploadAcceptedAsync(parties.Body())).Single();
        await parties.ProcessedAsync(id);
        using var confirmed = await WaybillRestDriver.ChangeAsync(parties.Buyer, id, "confirm", null);
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await confirmed.Content.ReadAsStringAsync());

        // Act
        var sellers = await ReadAllAsync(parties.Seller, "kinds=WAYBILL");
        var buyers = await ReadAllAsync(parties.Buyer, "kinds=waybill");
        var strangers = await ReadAllAsync(stranger, "kinds=INVOICE,WAYBILL,MOVEMENT");
        var sellersDefault = await ReadAllAsync(parties.Seller, "");

        // Assert
        var expected = new[] { "→IN_QUEUE", "IN_QUEUE→NOT_VIEWED", "NOT_VIEWED→CONFIRMED" };
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Moves(sellers, "WAYBILL", id), Is.EqualTo(expected));
            Assert.That(Moves(buyers, "WAYBILL", id), Is.EqualTo(expected), "the buyer sees the registered waybill's whole history");
            Assert.That(sellers.Select(e => e.GetProperty("invoiceId").ValueKind), Is.All.EqualTo(JsonValueKind.Null), "invoiceId is for invoices");
            Assert.That(buyers.Last().GetProperty("actor").GetString(), Is.Not.Empty);
            Assert.That(strangers.Where(e => e.GetProperty("documentId").GetInt64() == id && e.GetProperty("kind").GetString() == "WAYBILL"),
                Is.Empty, "a stranger sees nothing of another's waybill");
            Assert.That(sellersDefault.Select(e => e.GetProperty("kind").GetString()), Is.All.EqualTo("INVOICE"),
                "a client that names no kinds gets invoices only, as before");
        }
    }

    [Test]
    public async Task Should_put_the_buyers_decline_and_the_sellers_revocation_in_both_feeds_with_their_reasons()
    {
        // Arrange
        using var parties = await WaybillRestDriver.StartAsync(Fixture);
        var ids = await parties.UploadAcceptedAsync(parties.Body(), parties.Body());
        foreach (var id in ids)
        {
            await parties.ProcessedAsync(id);
        }

        using var declined = await WaybillRestDriver.ChangeAsync(parties.Buyer, ids[0], "decline", "Не тот товар");
        using var revoked = await WaybillRestDriver.ChangeAsync(parties.Seller, ids[1], "revoke", "Ошибка в цене");
        Assert.That((declined.StatusCode, revoked.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));

        // Act
        var sellers = await ReadAllAsync(parties.Seller, "kinds=WAYBILL");
        var buyers = await ReadAllAsync(parties.Buyer, "kinds=WAYBILL");

        // Assert
        foreach (var feed in new[] { sellers, buyers })
        {
            var last = ids.Select(id => feed.Last(e => e.GetProperty("documentId").GetInt64() == id)).ToList();
            Assert.That(last.Select(e => (e.GetProperty("fromStatus").GetString(), e.GetProperty("status").GetString(), e.GetProperty("reason").GetString())),
                Is.EqualTo(new[] { ("NOT_VIEWED", "DECLINED", "Не тот товар"), ("NOT_VIEWED", "REVOKED", "Ошибка в цене") }));
        }
    }

    [Test]
    public async Task Should_show_a_failed_waybill_to_its_seller_only_and_filter_waybills_by_direction()
    {
        // Arrange
        using var parties = await WaybillRestDriver.StartAsync(Fixture);
        var stranger = TestTenant.UniqueTin();
        var failed = (await parties.UploadAcceptedAsync(parties.Body(b => (b.Customer.Tin, b.Consignee.Tin) = (stranger, stranger)))).Single();
        var registered = (await parties.UploadAcceptedAsync(parties.Body())).Single();
        await parties.ProcessedAsync(failed);
        await parties.ProcessedAsync(registered);

        // Act
        var sellers = await ReadAllAsync(parties.Seller, "kinds=WAYBILL");
        var sellersInbound = await ReadAllAsync(parties.Seller, "kinds=WAYBILL&direction=INBOUND");
        var buyers = await ReadAllAsync(parties.Buyer, "kinds=WAYBILL");
        var buyersInbound = await ReadAllAsync(parties.Buyer, "kinds=WAYBILL&direction=INBOUND");

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Moves(sellers, "WAYBILL", failed), Is.EqualTo(new[] { "→IN_QUEUE", "IN_QUEUE→FAILED" }), "the worker's verdict is in the feed");
            Assert.That(sellersInbound, Is.Empty, "the seller received no waybill");
            Assert.That(buyers.Select(e => e.GetProperty("documentId").GetInt64()).Distinct(), Is.EqualTo(new[] { registered }),
                "a FAILED waybill is not the buyer's to see");
            Assert.That(Moves(buyersInbound, "WAYBILL", registered), Is.EqualTo(new[] { "→IN_QUEUE", "IN_QUEUE→NOT_VIEWED" }));
        }
    }

    [Test]
    public async Task Should_show_a_warehouses_movements_to_its_owner_only()
    {
        // Arrange
        using var owner = await RestClient.LogInAsync(Fixture);
        using var stranger = await RestClient.LogInAsync(Fixture);
        var central = await WarehouseRequests.CreateAsync(owner, "Центральный склад");
        var shop = await WarehouseRequests.CreateAsync(owner, "Магазин");
        var goodsId = await WarehouseGoods.ReceiveAsync(owner.Tenant.SellerTin, central.Id(), 10m, fixture: Fixture);
        using var moved = await owner.Http.PostAsJsonAsync($"api/v1/warehouses/{central.Id()}/transfers",
            new { goodsId, toWarehouseId = shop.Id(), quantity = 4m });
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await moved.Content.ReadAsStringAsync());

        // Act
        var owners = await ReadAllAsync(owner, "kinds=MOVEMENT");
        var outbound = await ReadAllAsync(owner, "kinds=MOVEMENT&direction=OUTBOUND");
        var strangers = await ReadAllAsync(stranger, "kinds=MOVEMENT");

        // Assert
        var movements = owners.Select(e => (
            e.GetProperty("status").GetString(), e.GetProperty("movement").GetProperty("warehouseId").GetInt64(),
            e.GetProperty("movement").GetProperty("quantity").GetDecimal())).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(movements, Is.EqualTo(new[]
            {
                (MovementCauses.Receipt, central.Id(), 10m),
                (MovementCauses.TransferOut, central.Id(), -4m),
                (MovementCauses.TransferIn, shop.Id(), 4m),
            }));
            Assert.That(owners.Select(e => e.GetProperty("movement").GetProperty("goodsId").GetInt64()).First(), Is.EqualTo(goodsId));
            Assert.That(outbound.Select(e => e.GetProperty("status").GetString()), Is.EqualTo(new[] { MovementCauses.TransferOut }));
            Assert.That(strangers, Is.Empty, "another enterprise sees none of the owner's movements");
        }
    }

    [Test]
    public async Task Should_number_waybills_and_movements_from_one_counter_so_one_cursor_follows_both()
    {
        // Arrange: the seller's waybill changes and its warehouse's movements, interleaved in time. A reader sequences what is
        // committed when it reads; sequencing after each step stands for a client that reads all along.
        using var parties = await WaybillRestDriver.StartAsync(Fixture);
        var sequencer = Fixture.Get<FeedSequencer>();
        var warehouse = await WarehouseRequests.CreateAsync(parties.Seller, "Склад");
        await WarehouseGoods.ReceiveAsync(parties.Seller.Tenant.SellerTin, warehouse.Id(), 5m, fixture: Fixture);
        await sequencer.SequenceAsync(CancellationToken.None);
        var id = (await parties.UploadAcceptedAsync(parties.Body())).Single();
        await parties.ProcessedAsync(id);
        await sequencer.SequenceAsync(CancellationToken.None);
        await WarehouseGoods.ReceiveAsync(parties.Seller.Tenant.SellerTin, warehouse.Id(), 7m, fixture: Fixture);

        // Act: the whole feed two events a page, and each kind on its own.
        var together = await ReadAllAsync(parties.Seller, "kinds=MOVEMENT,WAYBILL,INVOICE", pageSize: 2);
        var waybills = await ReadAllAsync(parties.Seller, "kinds=WAYBILL");
        var movements = await ReadAllAsync(parties.Seller, "kinds=MOVEMENT");

        // Assert
        var positions = together.Select(Position).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(positions, Is.Ordered.Ascending.And.Unique, "one counter: no position twice, never backwards");
            Assert.That(positions, Is.EquivalentTo(waybills.Concat(movements).Select(Position)), "the union of the kinds, nothing lost");
            Assert.That(together.Select(e => e.GetProperty("kind").GetString()),
                Is.EqualTo(new[] { "MOVEMENT", "WAYBILL", "WAYBILL", "MOVEMENT" }), "in the order the changes became visible");
        }
    }

    [Test]
    public async Task Should_let_the_sequencer_give_a_movement_its_position_once_and_nothing_else_change_it()
    {
        // Arrange
        using var owner = await RestClient.LogInAsync(Fixture);
        var warehouse = await WarehouseRequests.CreateAsync(owner, "Склад");
        var goodsId = await WarehouseGoods.ReceiveAsync(owner.Tenant.SellerTin, warehouse.Id(), 5m, fixture: Fixture);
        await Fixture.Get<FeedSequencer>().SequenceAsync(CancellationToken.None);
        await using var connection = await Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();

        // Act
        var position = await connection.ExecuteScalarAsync<long?>(
            "SELECT feed_position FROM warehouse_movements WHERE goods_id = @GoodsId", new { GoodsId = goodsId });
        var renumber = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            "UPDATE warehouse_movements SET feed_position = feed_position + 1000000 WHERE goods_id = @GoodsId", new { GoodsId = goodsId }));
        var edit = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            "UPDATE warehouse_movements SET quantity = 500, feed_position = NULL WHERE goods_id = @GoodsId", new { GoodsId = goodsId }));

        // Assert
        Assert.That(position, Is.Not.Null, "the movement was sequenced");
        Assert.That((renumber!.MessageText, edit!.MessageText), Is.EqualTo((
            "warehouse movements are immutable: record a new movement instead", "warehouse movements are immutable: record a new movement instead")));
    }

    [Test]
    public async Task Should_refuse_an_unknown_kind_with_a_problem()
    {
        // Arrange
        using var client = await RestClient.LogInAsync(Fixture);

        // Act
        using var response = await client.Http.GetAsync("api/v1/updates?kinds=INVOICE,PARCEL");

        // Assert
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("PARCEL"));
    }

    private static long Position(JsonElement e) => long.Parse(e.GetProperty("cursor").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    private static string[] Moves(IEnumerable<JsonElement> events, string kind, long id) =>
    [
        .. events.Where(e => e.GetProperty("kind").GetString() == kind && e.GetProperty("documentId").GetInt64() == id)
            .Select(e => $"{e.GetProperty("fromStatus").GetString()}→{e.GetProperty("status").GetString()}"),
    ];

    /// <summary>Follows the feed from the beginning, page by page, to its end.</summary>
    internal static async Task<List<JsonElement>> ReadAllAsync(RestClient client, string query, int pageSize = 100)
    {
        var events = new List<JsonElement>();
        var cursor = "0";
        bool hasMore;
        do
        {
            using var response = await client.Http.GetAsync($"api/v1/updates?limit={pageSize}&cursor={cursor}&{query}");
            var page = await RestClient.ReadJsonAsync(response);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), page.ToString());
            events.AddRange(page.GetProperty("events").EnumerateArray());
            cursor = page.GetProperty("cursor").GetString()!;
            hasMore = page.GetProperty("hasMore").GetBoolean();
        }
        while (hasMore);
        return events;
    }
}
