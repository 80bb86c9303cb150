using Dapper;
using Esf.Domain.Rules;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Registration;
using Esf.Infrastructure.Warehouse;
using Esf.Infrastructure.Xml;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// Review finding (issue 13): the worker's goods step locks every goods line a verdict transaction needs — the sellers' lines,
/// only with their owner's IIN/BIN, and the buyers' lines the sales fill — in one statement in goods-id order, so two taxpayers
/// selling the same goods to each other at once queue instead of deadlocking, and a crafted goods id of another taxpayer locks
/// nothing and fails with VS-02.
/// </summary>
[TestFixture]
public sealed class Locking_goods_lines_in_one_order
{
    private const string DeadlockDetected = "40P01";

    private const string LockNotAvailable = "55P03";

    [Test]
    public async Task Should_lock_nothing_of_another_taxpayer_and_fail_with_VS02_when_a_sale_names_its_goods_line()
    {
        // Arrange
        using var a = await WarehouseInvoices.StartAsync(stock: 100m);
        using var b = await WarehouseInvoices.StartAsync(stock: 100m);
        var dataSource = WarehouseGateway.Fixture.Get<NpgsqlDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        // Act: a's sale names b's goods line (its id and warehouse), and the verdict's transaction stays open.
        var verdicts = await MoveAsync(connection, transaction, (1, a.Sale(5m), [new WarehouseLineRef(1, b.SellerWarehouse, b.GoodsId)]));
        await using var other = await dataSource.OpenConnectionAsync();
        var free = await IsFreeAsync(other, b.GoodsId);
        await transaction.RollbackAsync();

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(verdicts.Single().Violations.Select(v => v.RuleId), Is.EqualTo(new[] { WarehouseRules.GoodsLineMustExist.Id }));
            Assert.That(free, Is.True, "b's line was not locked by a's verdict");
            Assert.That(await WarehouseInvoices.BalanceAsync(b.GoodsId), Is.EqualTo(100m));
        }
    }

    [Test]
    public async Task Should_lock_a_waybills_own_goods_line_and_nothing_of_another_taxpayer()
    {
        // Arrange: a waybill of one seller naming its own goods line, another naming a goods line of another taxpayer.
        using var other = await WarehouseInvoices.StartAsync(stock: 100m);
        using var parties = await Moving_goods_with_waybills.StartAsync();
        var (_, own) = await Moving_goods_with_waybills.SellerHoldsAsync(parties, 100m);
        var dataSource = WarehouseGateway.Fixture.Get<NpgsqlDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        // Act
        await WaybillGoods.LockAsync(connection,
            [WaybillBodyReader.Read(Moving_goods_with_waybills.Shipping(parties, own)).Document!,
             WaybillBodyReader.Read(Moving_goods_with_waybills.Shipping(parties, other.GoodsId)).Document!], CancellationToken.None);
        await using var probe = await dataSource.OpenConnectionAsync();
        var ownFree = await IsFreeAsync(probe, own);
        var otherFree = await IsFreeAsync(probe, other.GoodsId);
        await transaction.RollbackAsync();

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ownFree, Is.False, "the seller's own line is locked");
            Assert.That(otherFree, Is.True, "another taxpayer's line is not");
        }
    }

    /// <summary>
    /// ADR 0033 amendment 4: of the buyer's lines of the sold goods only the one the sale fills (the price paid) is locked; the
    /// lines at other prices are not written, so locking them only made batches of one buyer wait and wrote a lock per line.
    /// </summary>
    [Test]
    public async Task Should_lock_the_buyers_line_at_the_price_paid_and_none_of_its_lines_at_other_prices()
    {
        // Arrange: the customer already holds the wheat at the price of the sale (300) and at another (250).
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);
        var dataSource = WarehouseGateway.Fixture.Get<NpgsqlDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync();
        var customerWarehouse = await connection.ExecuteScalarAsync<long>(
            "SELECT warehouse_id FROM warehouses WHERE tin = @Tin AND is_default", new { Tin = sale.CustomerTin });
        var atThePrice = await WarehouseGoods.ReceiveAsync(sale.CustomerTin, customerWarehouse, 1m, WarehouseGoods.Wheat(300m));
        var atAnotherPrice = await WarehouseGoods.ReceiveAsync(sale.CustomerTin, customerWarehouse, 1m, WarehouseGoods.Wheat(250m));
        await using var transaction = await connection.BeginTransactionAsync();

        // Act: a sale at 300, its verdict transaction left open.
        var verdicts = await MoveAsync(connection, transaction, (1, sale.Sale(5m, unitPrice: 300m), [new WarehouseLineRef(1, sale.SellerWarehouse, sale.GoodsId)]));
        await using var probe = await dataSource.OpenConnectionAsync();
        var (sellerFree, filledFree, otherFree) = (await IsFreeAsync(probe, sale.GoodsId), await IsFreeAsync(probe, atThePrice), await IsFreeAsync(probe, atAnotherPrice));
        await transaction.RollbackAsync();

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(verdicts.Single().Passed, Is.True, string.Join("; ", verdicts.Single().Violations.Select(v => v.Message)));
            Assert.That(sellerFree, Is.False, "the seller's line is locked");
            Assert.That(filledFree, Is.False, "the buyer's line the sale fills is locked");
            Assert.That(otherFree, Is.True, "the buyer's line at another price is not");
        }
    }

    [Test]
    public async Task Should_finish_opposite_sales_between_two_taxpayers_on_the_same_goods_without_a_deadlock()
    {
        // Arrange: a and b hold the same wheat at the same price in their default warehouses, so each one's sale fills the
        // line the other sells from.
        using var a = await WarehouseInvoices.StartAsync(stock: 1000m);
        using var b = await WarehouseInvoices.StartAsync(stock: 1000m);
        var toB = a.Sale(1m).Replace(a.CustomerTin, b.SellerTin, StringComparison.Ordinal);
        var toA = b.Sale(1m).Replace(b.CustomerTin, a.SellerTin, StringComparison.Ordinal);
        const int Rounds = 25;

        // Act: each round, both sales at once, each in its own verdict transaction (what the goods step locks is held till its end).
        var deadlocks = 0;
        var moved = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var results = await Task.WhenAll(
                Task.Run(() => SellAndCommitAsync(round * 2L + 1, toB, a)),
                Task.Run(() => SellAndCommitAsync(round * 2L + 2, toA, b)));
            deadlocks += results.Count(r => r is null);
            moved += results.Count(r => r == true);
        }

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(deadlocks, Is.Zero, "no verdict transaction was chosen as a deadlock victim");
            Assert.That(moved, Is.EqualTo(2 * Rounds));
            Assert.That(await WarehouseInvoices.BalanceAsync(a.GoodsId), Is.EqualTo(1000m));
            Assert.That(await WarehouseInvoices.BalanceAsync(b.GoodsId), Is.EqualTo(1000m));
        }
    }

    /// <summary>
    /// One sale in its own verdict transaction, rolled back once it moved (the ids are nobody's invoices): true when it moved,
    /// null when PostgreSQL broke a deadlock with it.
    /// </summary>
    private static async Task<bool?> SellAndCommitAsync(long invoiceId, string body, WarehouseInvoices seller)
    {
        await using var connection = await WarehouseGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        try
        {
            var verdict = (await MoveAsync(connection, transaction,
                (long.MaxValue / 4 + invoiceId, body, [new WarehouseLineRef(1, seller.SellerWarehouse, seller.GoodsId)]))).Single();
            await transaction.RollbackAsync();
            return verdict.Passed;
        }
        catch (PostgresException e) when (e.SqlState == DeadlockDetected)
        {
            return null;
        }
    }

    /// <summary>Whether another transaction could lock the goods line now (NOWAIT: refused at once when it is locked).</summary>
    private static async Task<bool> IsFreeAsync(NpgsqlConnection connection, long goodsId)
    {
        try
        {
            return await connection.ExecuteScalarAsync<long>("SELECT goods_id FROM warehouse_goods WHERE goods_id = @Id FOR UPDATE NOWAIT", new { Id = goodsId }) == goodsId;
        }
        catch (PostgresException e) when (e.SqlState == LockNotAvailable)
        {
            return false;
        }
    }

    /// <summary>The worker's goods step on verdicts that passed the registration rules (ids of nobody's invoices).</summary>
    private static async Task<List<InvoiceVerdict>> MoveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        params (long Id, string Body, WarehouseLineRef[] Lines)[] sales)
    {
        List<InvoiceVerdict> verdicts = [.. sales.Select(s => new InvoiceVerdict(s.Id, StoredInvoiceReader.Read(s.Body).Document, true, []))];
        var lines = sales.ToDictionary(s => s.Id, s => (IReadOnlyList<WarehouseLineRef>)s.Lines);
        return await VerdictGoods.MoveAsync(connection, transaction, WarehouseGateway.Fixture.Get<InvoiceGoods>(), verdicts, lines, CancellationToken.None);
    }
}
