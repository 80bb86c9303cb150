using System.Net;
using System.Net.Http.Json;
using Dapper;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Warehouse;
using Esf.Tests.Rest;
using Npgsql;
using NUnit.Framework;
using static Esf.Tests.Rest.ProblemAssertions;

namespace Esf.Tests.Warehouse;

/// <summary>Balances derived from immutable movements: never negative, also under concurrent write-offs; transfers as movement pairs.</summary>
[TestFixture]
public sealed class Keeping_the_goods_ledger
{
    [Test]
    public async Task Should_let_every_write_off_that_fits_through_and_fail_the_others_when_many_draw_one_balance_at_once()
    {
        // Arrange: 100 units, 40 write-offs of 1 to 7 units (160 in all) at once.
        using var client = await WarehouseRequests.LogInAsync();
        var tin = client.Tenant.SellerTin;
        var warehouse = await WarehouseRequests.CreateAsync(client, "Склад");
        var goodsId = await WarehouseGoods.ReceiveAsync(tin, warehouse.Id(), 100m);
        var ledger = WarehouseGateway.Fixture.Get<WarehouseLedger>();
        var quantities = Enumerable.Range(0, 40).Select(i => (decimal)(i % 7 + 1)).ToList();

        // Act
        var outcomes = await Task.WhenAll(quantities.Select(async (q, i) =>
            (Quantity: q, Violation: await ledger.WriteOffAsync(tin, goodsId, q, new MovementCause("TEST", $"{goodsId}-{i}"), CancellationToken.None))));

        // Assert
        var balance = (await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouses/{warehouse.Id()}/balances")).EnumerateArray()
            .Select(b => b.GetProperty("quantity").GetDecimal()).SingleOrDefault();
        var written = outcomes.Where(o => o.Violation is null).Sum(o => o.Quantity);
        var failed = outcomes.Where(o => o.Violation is not null).ToList();
        var ledgerSum = await SumOfMovementsAsync(goodsId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(failed, Is.Not.Empty, "more was asked than there was");
            Assert.That(failed.Select(f => f.Violation!.RuleId), Is.All.EqualTo(WarehouseRules.BalanceMustCoverWriteOff.Id));
            Assert.That(failed.Select(f => f.Violation!.Message), Is.All.StartsWith(WarehouseRules.BalanceMustCoverWriteOff.MessageRu));
            Assert.That(balance, Is.EqualTo(100m - written), "the balance ends exact");
            Assert.That(balance, Is.GreaterThanOrEqualTo(0m));
            Assert.That(failed.Select(f => f.Quantity), Is.All.GreaterThan(balance), "every write-off that failed did not fit even at the end");
            Assert.That(ledgerSum, Is.EqualTo(balance), "the balance is the sum of its movements");
        }
    }

    [Test]
    public async Task Should_move_goods_between_own_warehouses_as_a_movement_pair_and_refuse_an_oversell_with_its_rule()
    {
        // Arrange
        using var client = await WarehouseRequests.LogInAsync();
        var central = await WarehouseRequests.CreateAsync(client, "Центральный склад");
        var shop = await WarehouseRequests.CreateAsync(client, "Магазин");
        var goodsId = await WarehouseGoods.ReceiveAsync(client.Tenant.SellerTin, central.Id(), 10m);

        // Act
        using var moved = await client.Http.PostAsJsonAsync($"api/v1/warehouses/{central.Id()}/transfers",
            new { goodsId, toWarehouseId = shop.Id(), quantity = 4m });
        using var oversold = await client.Http.PostAsJsonAsync($"api/v1/warehouses/{central.Id()}/transfers",
            new { goodsId, toWarehouseId = shop.Id(), quantity = 7m });

        // Assert
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await moved.Content.ReadAsStringAsync());
        var problem = await AssertProblemAsync(oversold, HttpStatusCode.UnprocessableEntity);
        var centralLines = await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouses/{central.Id()}/balances");
        var shopLines = await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouses/{shop.Id()}/balances");
        var shopMovements = await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouses/{shop.Id()}/movements");
        var centralMovements = await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouses/{central.Id()}/movements");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo(WarehouseRules.BalanceMustCoverWriteOff.ErrorCode));
            Assert.That(problem.GetProperty("detail").GetString(), Does.StartWith("VS-01: " + WarehouseRules.BalanceMustCoverWriteOff.MessageRu));
            Assert.That(centralLines[0].GetProperty("quantity").GetDecimal(), Is.EqualTo(6m));
            Assert.That(shopLines[0].GetProperty("quantity").GetDecimal(), Is.EqualTo(4m));
            Assert.That(shopLines[0].GetProperty("sourceNumber").GetString(), Is.EqualTo("12345/060316/9123456"), "the same goods at the target");
            Assert.That(centralMovements[0].GetProperty("kind").GetString(), Is.EqualTo(MovementCauses.TransferOut));
            Assert.That(shopMovements[0].GetProperty("kind").GetString(), Is.EqualTo(MovementCauses.TransferIn));
            Assert.That(shopMovements[0].GetProperty("causeRef").GetString(), Is.EqualTo(centralMovements[0].GetProperty("causeRef").GetString()),
                "one cause for both sides of the pair");
        }
    }

    [Test]
    public async Task Should_answer_the_balance_as_of_a_past_moment_from_the_movements()
    {
        // Arrange
        using var client = await WarehouseRequests.LogInAsync();
        var warehouse = await WarehouseRequests.CreateAsync(client, "Склад");
        var goodsId = await WarehouseGoods.ReceiveAsync(client.Tenant.SellerTin, warehouse.Id(), 10m);
        var received = (await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouses/{warehouse.Id()}/movements"))[0]
            .GetProperty("occurredAt").GetDateTime();
        var violation = await WarehouseGateway.Fixture.Get<WarehouseLedger>().WriteOffAsync(client.Tenant.SellerTin, goodsId, 4m,
            new MovementCause("TEST", Guid.NewGuid().ToString("N")), CancellationToken.None);

        // Act
        var now = await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouses/{warehouse.Id()}/balances");
        var then = await WarehouseRequests.GetJsonAsync(client,
            $"api/v1/warehouses/{warehouse.Id()}/balances?asOf={Uri.EscapeDataString(received.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"))}");
        var before = await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouses/{warehouse.Id()}/balances?asOf=2020-01-01");

        // Assert
        Assert.That(violation, Is.Null);
        Assert.That(now[0].GetProperty("quantity").GetDecimal(), Is.EqualTo(6m));
        Assert.That(then[0].GetProperty("quantity").GetDecimal(), Is.EqualTo(10m));
        Assert.That(before.GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Should_prefill_the_invoice_columns_of_the_module_from_a_goods_line()
    {
        // Arrange
        using var client = await WarehouseRequests.LogInAsync();
        var warehouse = await WarehouseRequests.CreateAsync(client, "Склад");
        var goodsId = await WarehouseGoods.ReceiveAsync(client.Tenant.SellerTin, warehouse.Id(), 630m);

        // Act
        var prefill = await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouses/{warehouse.Id()}/balances/{goodsId}/invoice-prefill");
        using var missing = await client.Http.GetAsync($"api/v1/warehouses/{warehouse.Id()}/balances/{goodsId + 1_000_000}/invoice-prefill");

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(prefill.GetProperty("tnvedName").GetString(), Is.EqualTo("Пшеница 2 сорт"), "G3/1");
            Assert.That(prefill.GetProperty("unitCode").GetString(), Is.EqualTo("1001110000"), "G4");
            Assert.That(prefill.GetProperty("unitNomenclature").GetString(), Is.EqualTo("166"), "G5");
            Assert.That(prefill.GetProperty("productDeclaration").GetString(), Is.EqualTo("12345/060316/9123456"), "G15");
            Assert.That(prefill.GetProperty("productNumberInDeclaration").GetString(), Is.EqualTo("1"), "G16");
            Assert.That(prefill.GetProperty("catalogTruId").GetString(), Is.EqualTo("01.11.11.01"), "G17");
            Assert.That(prefill.GetProperty("available").GetDecimal(), Is.EqualTo(630m));
        }

        await AssertProblemAsync(missing, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Should_refuse_to_delete_a_warehouse_holding_goods()
    {
        // Arrange
        using var client = await WarehouseRequests.LogInAsync();
        var warehouse = await WarehouseRequests.CreateAsync(client, "Склад");
        await WarehouseGoods.ReceiveAsync(client.Tenant.SellerTin, warehouse.Id(), 1m);

        // Act
        using var refused = await client.Http.DeleteAsync($"api/v1/warehouses/{warehouse.Id()}");

        // Assert
        var problem = await AssertProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo(WarehouseErrors.HoldsGoods));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("содержит товары"));
    }

    [Test]
    public async Task Should_hide_balances_and_movements_from_another_enterprise_and_keep_movements_immutable()
    {
        // Arrange
        using var owner = await WarehouseRequests.LogInAsync();
        using var stranger = await WarehouseRequests.LogInAsync();
        var warehouse = await WarehouseRequests.CreateAsync(owner, "Склад");
        var strangers = await WarehouseRequests.CreateAsync(stranger, "Склад чужака");
        var goodsId = await WarehouseGoods.ReceiveAsync(owner.Tenant.SellerTin, warehouse.Id(), 5m);

        // Act
        using var balances = await stranger.Http.GetAsync($"api/v1/warehouses/{warehouse.Id()}/balances");
        using var movements = await stranger.Http.GetAsync($"api/v1/warehouses/{warehouse.Id()}/movements");
        using var taken = await stranger.Http.PostAsJsonAsync($"api/v1/warehouses/{strangers.Id()}/transfers",
            new { goodsId, toWarehouseId = strangers.Id(), quantity = 1m });
        await using var connection = await WarehouseGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        var edit = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            "UPDATE warehouse_movements SET quantity = 500 WHERE goods_id = @GoodsId", new { GoodsId = goodsId }));

        // Assert
        await AssertProblemAsync(balances, HttpStatusCode.NotFound);
        await AssertProblemAsync(movements, HttpStatusCode.NotFound);
        var problem = await AssertProblemAsync(taken, HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo(WarehouseRules.GoodsLineMustExist.ErrorCode));
        Assert.That(edit!.MessageText, Does.Contain("immutable"));
        Assert.That(await SumOfMovementsAsync(goodsId), Is.EqualTo(5m), "the owner's goods are untouched");
    }

    [Test]
    public async Task Should_refuse_a_change_to_every_column_of_a_movement_but_its_feed_position()
    {
        // Arrange: every column the table has now, so a column added later without joining the immutability trigger fails here.
        using var owner = await WarehouseRequests.LogInAsync();
        var warehouse = await WarehouseRequests.CreateAsync(owner, "Склад");
        var goodsId = await WarehouseGoods.ReceiveAsync(owner.Tenant.SellerTin, warehouse.Id(), 5m);
        await using var connection = await WarehouseGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        var columns = (await connection.QueryAsync<string>("""
            SELECT column_name FROM information_schema.columns
            WHERE table_name = 'warehouse_movements' AND is_identity = 'NO' AND column_name NOT IN ('feed_position', 'feed_at')
            """)).ToList();

        // Act: each column set to its own value, which changes nothing but names the column.
        var refusals = new List<string>();
        foreach (var column in columns)
        {
            var edit = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
                $"UPDATE warehouse_movements SET {column} = {column} WHERE goods_id = @GoodsId", new { GoodsId = goodsId }));
            refusals.Add($"{column}: {edit!.MessageText}");
        }

        // Assert
        Assert.That(columns, Has.Count.GreaterThanOrEqualTo(9), "the movement's own columns were found");
        Assert.That(refusals, Has.All.EndsWith("warehouse movements are immutable: record a new movement instead"));
    }

    [Test]
    public async Task Should_keep_a_price_with_three_decimals_on_one_goods_line_rounded_as_the_column_stores_it()
    {
        // Arrange: G7 may carry three decimals (rule G-22), and a buyer's goods line takes the price it paid.
        using var client = await WarehouseRequests.LogInAsync();
        var warehouse = await WarehouseRequests.CreateAsync(client, "Склад");
        var goods = WarehouseGoods.Wheat(price: 12.345m);

        // Act
        var first = await WarehouseGoods.ReceiveAsync(client.Tenant.SellerTin, warehouse.Id(), 2m, goods);
        var second = await WarehouseGoods.ReceiveAsync(client.Tenant.SellerTin, warehouse.Id(), 3m, goods);

        // Assert
        var balance = (await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouses/{warehouse.Id()}/balances")).EnumerateArray().Single();
        Assert.That(second, Is.EqualTo(first));
        Assert.That((balance.GetProperty("price").GetDecimal(), balance.GetProperty("quantity").GetDecimal()), Is.EqualTo((12.35m, 5m)));
    }

    [Test]
    public async Task Should_refuse_a_movement_booked_to_another_warehouse_than_its_goods_line()
    {
        // Arrange: goods in one warehouse, and a second warehouse of the same owner.
        using var client = await WarehouseRequests.LogInAsync();
        var central = await WarehouseRequests.CreateAsync(client, "Центральный склад");
        var shop = await WarehouseRequests.CreateAsync(client, "Магазин");
        var goodsId = await WarehouseGoods.ReceiveAsync(client.Tenant.SellerTin, central.Id(), 5m);
        await using var connection = await WarehouseGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();

        // Act: a movement of the central warehouse's goods line that names the shop.
        var booked = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("""
            INSERT INTO warehouse_movements (goods_id, warehouse_id, tin, quantity, kind, cause_kind, cause_ref, occurred_at)
            VALUES (@GoodsId, @Shop, @Tin, 1, 'RECEIPT', 'TEST', @Ref, now())
            """, new { GoodsId = goodsId, Shop = shop.Id(), Tin = client.Tenant.SellerTin, Ref = $"elsewhere-{goodsId}" }));

        // Assert
        Assert.That(booked!.SqlState, Is.EqualTo(PostgresErrorCodes.ForeignKeyViolation));
        Assert.That(await SumOfMovementsAsync(goodsId), Is.EqualTo(5m), "nothing was booked");
    }

    [TestCase("INVOICE", "77/1/0", 78L)]
    [TestCase("INVOICE", "771/1/0", 77L)]
    [TestCase("INVOICE", "77/1/0", null)]
    [TestCase("TEST", "77/1/0", 77L)]
    public async Task Should_refuse_a_movement_whose_invoice_is_not_its_cause(string causeKind, string causeRef, long? invoiceId)
    {
        // Arrange: an invoice's movements are found by their cause alone (InvoiceGoods.MovedBy, migration 0169).
        using var client = await WarehouseRequests.LogInAsync();
        var central = await WarehouseRequests.CreateAsync(client, "Центральный склад");
        var goodsId = await WarehouseGoods.ReceiveAsync(client.Tenant.SellerTin, central.Id(), 5m);
        await using var connection = await WarehouseGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();

        // Act
        var booked = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("""
            INSERT INTO warehouse_movements (goods_id, warehouse_id, tin, quantity, kind, cause_kind, cause_ref, occurred_at, invoice_id)
            VALUES (@GoodsId, @Warehouse, @Tin, 1, 'SALE_IN', @CauseKind, @Ref, now(), @InvoiceId)
            """, new { GoodsId = goodsId, Warehouse = central.Id(), Tin = client.Tenant.SellerTin, CauseKind = causeKind, Ref = $"{causeRef}-{goodsId}", InvoiceId = invoiceId }));

        // Assert
        Assert.That((booked!.SqlState, booked.ConstraintName), Is.EqualTo((PostgresErrorCodes.CheckViolation, "warehouse_movements_invoice_cause")));
        Assert.That(await SumOfMovementsAsync(goodsId), Is.EqualTo(5m), "nothing was booked");
    }

    [Test]
    public async Task Should_accept_a_movement_of_the_invoice_its_cause_names()
    {
        // Arrange
        using var client = await WarehouseRequests.LogInAsync();
        var central = await WarehouseRequests.CreateAsync(client, "Центральный склад");
        var goodsId = await WarehouseGoods.ReceiveAsync(client.Tenant.SellerTin, central.Id(), 5m);
        await using var connection = await WarehouseGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();

        // Act: the movement's own invoice, line and round (the id is the goods line's, unique per run).
        await connection.ExecuteAsync("""
            INSERT INTO warehouse_movements (goods_id, warehouse_id, tin, quantity, kind, cause_kind, cause_ref, occurred_at, invoice_id)
            VALUES (@GoodsId, @Warehouse, @Tin, 1, 'SALE_IN', 'INVOICE', @Ref, now(), @InvoiceId);
            UPDATE warehouse_goods SET quantity = quantity + 1 WHERE goods_id = @GoodsId;
            """, new { GoodsId = goodsId, Warehouse = central.Id(), Tin = client.Tenant.SellerTin, Ref = $"{-goodsId}/1/0", InvoiceId = -goodsId });

        // Assert
        Assert.That(await SumOfMovementsAsync(goodsId), Is.EqualTo(6m));
    }

    private static async Task<decimal> SumOfMovementsAsync(long goodsId)
    {
        await using var connection = await WarehouseGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<decimal>("SELECT coalesce(sum(quantity), 0) FROM warehouse_movements WHERE goods_id = @GoodsId",
            new { GoodsId = goodsId });
    }
}
