using System.Globalization;
using Dapper;
using Esf.Domain.Invoices;
using Esf.Domain.Waybills;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Warehouse;
using Esf.Infrastructure.Waybills;
using Esf.Tests.Infrastructure;
using Esf.Tests.Registry;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// Issue 13 item 5, the last gap (ADR 0033, amendment): the system annulments — a waybill's revocation (CANCELED_BY_SNT_REVOKE,
/// at once) or decline (CANCELED_BY_SNT_DECLINE, when due) and the ОГД's after a deregistration (CANCELED_BY_OGD) — return
/// the goods an invoice sold through the virtual warehouse, in the annulment's transaction and exactly once. Nobody can refuse
/// them, so goods the buyer has sold on are not taken back: what its line still holds comes back, the rest is recorded as a
/// shortfall and no balance goes negative.
/// </summary>
[TestFixture]
public sealed class Returning_goods_on_system_annulments
{
    [Test]
    public async Task Should_return_the_goods_in_the_transaction_that_revokes_the_invoices_waybill()
    {
        // Arrange
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);
        var (id, waybill) = await SellOnAWaybillAsync(sale, 12m);

        // Act
        await ChangeWaybillAsync(waybill, WaybillStatus.Revoked, DateTimeOffset.UtcNow);

        // Assert
        await AssertReturnedAsync(sale, id, InvoiceStatus.CanceledBySntRevoke);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await WarehouseInvoices.MovementsOfAsync(id),
                Is.EquivalentTo(new[] { ("SALE_OUT", -12m), ("SALE_IN", 12m), ("SALE_IN_UNDO", -12m), ("SALE_OUT_UNDO", 12m) }));
            Assert.That(await ShortfallsAsync(id), Is.Empty);
        }
    }

    [Test]
    public async Task Should_return_the_goods_when_a_declined_waybills_effect_annuls_the_invoice()
    {
        // Arrange: declined a month ago, so the effect (3 working days later) is due and only the runner applies it.
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);
        var (id, waybill) = await SellOnAWaybillAsync(sale, 12m);
        await ChangeWaybillAsync(waybill, WaybillStatus.Declined, DateTimeOffset.UtcNow.AddDays(-30));
        Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(88m), "nothing moves before the effect is applied");

        // Act
        await WarehouseGateway.Fixture.Create<WaybillEffectRunner>().RunOnceAsync(CancellationToken.None);

        // Assert
        await AssertReturnedAsync(sale, id, InvoiceStatus.CanceledBySntDecline);
    }

    [Test]
    public async Task Should_return_the_goods_when_the_buyers_deregistration_annuls_the_invoice_as_CANCELED_BY_OGD()
    {
        // Arrange
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);
        var (id, _) = await sale.RegisterAsync(sale.Item(sale.Sale(12m)));

        // Act
        var report = await DeregisterAsync(sale.CustomerTin);

        // Assert
        Assert.That(report.AnnulledInvoices, Is.EqualTo(1));
        await AssertReturnedAsync(sale, id, InvoiceStatus.CanceledByOgd);
    }

    [Test]
    public async Task Should_move_the_goods_once_when_the_annulment_runs_twice()
    {
        // Arrange
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);
        var (id, _) = await sale.RegisterAsync(sale.Item(sale.Sale(12m)));
        await DeregisterAsync(sale.CustomerTin);
        Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(100m), "the first annulment returned them");

        // Act: the import once more, and the goods' annulment once more, as a retried transaction would run it.
        var again = await DeregisterAsync(sale.CustomerTin);
        await AnnulGoodsAgainAsync(id);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(again.AnnulledInvoices, Is.Zero);
            Assert.That(await WarehouseInvoices.MovementsOfAsync(id), Has.Count.EqualTo(4));
            Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(100m));
            Assert.That((await sale.CustomerGoodsAsync()).Single().Quantity, Is.Zero);
        }
    }

    [Test]
    public async Task Should_take_back_what_the_buyer_still_holds_and_record_the_shortfall_when_it_sold_part_on()
    {
        // Arrange: the buyer sells 5 of the 12 on (a write-off of its own) before the waybill is revoked.
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);
        var (id, waybill) = await SellOnAWaybillAsync(sale, 12m);
        var bought = await SellOnAsync(sale, 5m);

        // Act: the annulment cannot be refused; run twice, it moves and records once.
        await ChangeWaybillAsync(waybill, WaybillStatus.Revoked, DateTimeOffset.UtcNow);
        Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(95m), "the revocation's own transaction returned them");
        await AnnulGoodsAgainAsync(id);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await sale.Parties.ReadAsync(id)).Status, Is.EqualTo(InvoiceStatus.CanceledBySntRevoke));
            Assert.That(await WarehouseInvoices.BalanceAsync(bought), Is.Zero, "never below zero");
            Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(95m), "the seller gets back only the 7 that came back");
            Assert.That(await WarehouseInvoices.MovementsOfAsync(id),
                Is.EquivalentTo(new[] { ("SALE_OUT", -12m), ("SALE_IN", 12m), ("SALE_IN_UNDO", -7m), ("SALE_OUT_UNDO", 7m) }));
            Assert.That(await ShortfallsAsync(id), Is.EqualTo(new[] { (sale.CustomerTin, bought, "SALE_IN", 5m) }));
        }
    }

    [Test]
    public async Task Should_record_the_whole_sale_as_a_shortfall_once_when_the_buyer_sold_everything_on()
    {
        // Arrange
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);
        var (id, _) = await sale.RegisterAsync(sale.Item(sale.Sale(12m)));
        var bought = await SellOnAsync(sale, 12m);

        // Act: annulled, then the goods' annulment once more after the buyer's line has received 3 again.
        await DeregisterAsync(sale.CustomerTin);
        Assert.That(await ShortfallsAsync(id), Has.Count.EqualTo(1), "the annulment recorded the shortfall");
        await ReceiveAgainAsync(bought, sale.CustomerTin, 3m);
        await AnnulGoodsAgainAsync(id);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await sale.Parties.ReadAsync(id)).Status, Is.EqualTo(InvoiceStatus.CanceledByOgd));
            Assert.That(await WarehouseInvoices.BalanceAsync(bought), Is.EqualTo(3m), "goods received later stay the buyer's");
            Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(88m), "nothing of the annulled sale came back");
            Assert.That(await WarehouseInvoices.MovementsOfAsync(id), Is.EquivalentTo(new[] { ("SALE_OUT", -12m), ("SALE_IN", 12m) }));
            Assert.That(await ShortfallsAsync(id), Is.EqualTo(new[] { (sale.CustomerTin, bought, "SALE_IN", 12m) }));
        }
    }

    [Test]
    public async Task Should_return_a_retail_sale_written_off_in_full_to_the_seller()
    {
        // Arrange: a retail buyer without a warehouse, whose goods were only written off.
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m, customerHasWarehouse: false);
        var (id, waybill) = await SellOnAWaybillAsync(sale, 12m, retail: true);

        // Act
        await ChangeWaybillAsync(waybill, WaybillStatus.Revoked, DateTimeOffset.UtcNow);

        // Assert
        Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(100m));
        Assert.That(await WarehouseInvoices.MovementsOfAsync(id), Is.EqualTo(new[] { ("SALE_OUT", -12m), ("SALE_OUT_UNDO", 12m) }));
    }

    /// <summary>The invoice is annulled with <paramref name="status"/> and its 12 units are back with the seller, none left with the buyer.</summary>
    private static async Task AssertReturnedAsync(WarehouseInvoices sale, long id, InvoiceStatus status)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await sale.Parties.ReadAsync(id)).Status, Is.EqualTo(status));
            Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(100m));
            Assert.That((await sale.CustomerGoodsAsync()).Single().Quantity, Is.Zero);
        }
    }

    /// <summary>A registered sale of <paramref name="quantity"/> naming a fresh waybill of the seller in 32.1 (set in the row).</summary>
    private static async Task<(long Id, string Waybill)> SellOnAWaybillAsync(WarehouseInvoices sale, decimal quantity, bool retail = false)
    {
        var (id, status) = await sale.RegisterAsync(sale.Item(sale.Sale(quantity, retail: retail)));
        Assert.That(status, Is.EqualTo(InvoiceStatus.Created), string.Join("; ", (await sale.Parties.Seller.ErrorsAsync(id)).Select(e => e.Message)));
        var waybill = Finding_the_invoices_of_a_waybill.WaybillNumber(sale.SellerTin);
        await using var connection = await WarehouseGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE invoices SET waybill_number = @Waybill WHERE invoice_id = @Id", new { Waybill = waybill, Id = id });
        return (id, waybill);
    }

    /// <summary>The buyer disposes of <paramref name="quantity"/> of what it bought; answers its goods line.</summary>
    internal static async Task<long> SellOnAsync(WarehouseInvoices sale, decimal quantity)
    {
        var bought = (await sale.CustomerGoodsAsync()).Single().GoodsId;
        Assert.That(await WarehouseGateway.Fixture.Get<WarehouseLedger>().WriteOffAsync(
            sale.CustomerTin, bought, quantity, new MovementCause("TEST", Guid.NewGuid().ToString("N")), CancellationToken.None), Is.Null);
        return bought;
    }

    private static async Task ReceiveAgainAsync(long goodsId, string tin, decimal quantity)
    {
        await using var connection = await WarehouseGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        Assert.That(await WarehouseGateway.Fixture.Get<WarehouseLedger>().CreditAsync(connection, transaction, tin, goodsId, quantity,
            new MovementCause("TEST", Guid.NewGuid().ToString("N")), "RECEIPT", CancellationToken.None), Is.Null);
        await transaction.CommitAsync();
    }

    /// <summary>What the waybill's status change does in its own transaction, as the registry's waybill tests call it.</summary>
    private static Task ChangeWaybillAsync(string waybill, WaybillStatus status, DateTimeOffset at) =>
        Annulling_the_invoices_of_declined_and_revoked_waybills.ChangeStatusAsync(waybill, status, at, WarehouseGateway.Fixture);

    /// <summary>Imports the taxpayer's deregistration the day before today's turnover (GEN-08).</summary>
    internal static Task<RegistryImportReport> DeregisterAsync(string tin)
    {
        var before = DateOnly.ParseExact(TestInvoices.Today, "dd.MM.yyyy", CultureInfo.InvariantCulture).AddDays(-1);
        return WarehouseGateway.Fixture.Get<RegistryImporter>().ImportAsync(
            RegistryTables.Find("taxpayers")!, Annulling_invoices_of_deregistered_taxpayers.Deregistration(tin, before), CancellationToken.None);
    }

    /// <summary>The goods' part of an annulment run once more for an invoice already annulled.</summary>
    private static async Task AnnulGoodsAgainAsync(long id)
    {
        await using var connection = await WarehouseGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await WarehouseGateway.Fixture.Get<InvoiceGoods>().AnnulAsync(connection, transaction, [id], CancellationToken.None);
        await transaction.CommitAsync();
    }

    private static async Task<IReadOnlyList<(string Tin, long GoodsId, string Kind, decimal Quantity)>> ShortfallsAsync(long invoiceId)
    {
        await using var connection = await WarehouseGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        return [.. await connection.QueryAsync<(string, long, string, decimal)>(
            "SELECT tin, goods_id, kind, quantity FROM warehouse_shortfalls WHERE invoice_id = @Id ORDER BY shortfall_id", new { Id = invoiceId })];
    }
}
