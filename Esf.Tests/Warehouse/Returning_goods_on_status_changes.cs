using Esf.Domain.Invoices;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Warehouse;
using Esf.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// Issue 13 item 5: revocation, decline, annulment by a corrected invoice and additional invoices move the goods of an invoice
/// sold through the virtual warehouse back or adjust them, exactly once, in the transaction of the status change.
/// </summary>
[TestFixture]
public sealed class Returning_goods_on_status_changes
{
    [Test]
    public async Task Should_return_the_goods_when_the_seller_revokes_and_move_nothing_when_the_revocation_is_repeated()
    {
        // Arrange
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);
        var (id, _) = await sale.RegisterAsync(sale.Item(sale.Sale(12m)));

        // Act
        var revoked = await sale.Parties.ChangeAsync(sale.Parties.SellerSession, LifecycleOperation.Revoke, id);
        var again = await sale.Parties.ChangeAsync(sale.Parties.SellerSession, LifecycleOperation.Revoke, id);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(revoked.Single().IsChanged, Is.True, revoked.Single().Message);
            Assert.That(again.Single().IsChanged, Is.False, "a repeated revocation is refused");
            Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(100m));
            Assert.That((await sale.CustomerGoodsAsync()).Single().Quantity, Is.Zero);
            Assert.That(await WarehouseInvoices.MovementsOfAsync(id),
                Is.EquivalentTo(new[] { ("SALE_OUT", -12m), ("SALE_IN", 12m), ("SALE_IN_UNDO", -12m), ("SALE_OUT_UNDO", 12m) }));
        }
    }

    [Test]
    public async Task Should_return_nothing_twice_when_the_undo_is_run_again_for_a_revoked_invoice()
    {
        // Arrange
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);
        var (id, _) = await sale.RegisterAsync(sale.Item(sale.Sale(12m)));
        await sale.Parties.ChangeAsync(sale.Parties.SellerSession, LifecycleOperation.Revoke, id);

        // Act: the undo once more, as a retried status change would run it.
        await using var connection = await WarehouseGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var violation = await WarehouseGateway.Fixture.Get<InvoiceGoods>().UndoAsync(connection, transaction, id, CancellationToken.None);
        await transaction.CommitAsync();

        // Assert
        Assert.That(violation, Is.Null);
        Assert.That(await WarehouseInvoices.MovementsOfAsync(id), Has.Count.EqualTo(4));
        Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(100m));
    }

    [Test]
    public async Task Should_move_the_goods_again_when_the_customer_restores_a_revoked_invoice()
    {
        // Arrange
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);
        var (id, _) = await sale.RegisterAsync(sale.Item(sale.Sale(12m)));
        await sale.Parties.ChangeAsync(sale.Parties.SellerSession, LifecycleOperation.Revoke, id);

        // Act
        var restored = await sale.Parties.ChangeAsync(sale.Parties.Customer, LifecycleOperation.Unrevoke, id);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(restored.Single().IsChanged, Is.True, restored.Single().Message);
            Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(88m));
            Assert.That((await sale.CustomerGoodsAsync()).Single().Quantity, Is.EqualTo(12m));
            Assert.That(await WarehouseInvoices.MovementsOfAsync(id), Has.Count.EqualTo(6));
        }
    }

    [Test]
    public async Task Should_refuse_a_revocation_with_VS14_when_the_buyer_no_longer_holds_the_goods()
    {
        // Arrange: the buyer writes off 5 of the 12 it bought.
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);
        var (id, _) = await sale.RegisterAsync(sale.Item(sale.Sale(12m)));
        var bought = (await sale.CustomerGoodsAsync()).Single().GoodsId;
        Assert.That(await WarehouseGateway.Fixture.Get<WarehouseLedger>().WriteOffAsync(
            sale.CustomerTin, bought, 5m, new MovementCause("TEST", Guid.NewGuid().ToString("N")), CancellationToken.None), Is.Null);

        // Act
        var refused = await sale.Parties.ChangeAsync(sale.Parties.SellerSession, LifecycleOperation.Revoke, id);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.Single().IsChanged, Is.False);
            Assert.That(refused.Single().ErrorCode, Is.EqualTo(InvoiceGoodsRules.ReturnMustBeCovered.ErrorCode));
            Assert.That(refused.Single().Message, Does.StartWith("VS-14: " + InvoiceGoodsRules.ReturnMustBeCovered.MessageRu));
            Assert.That((await sale.Parties.ReadAsync(id)).Status, Is.EqualTo(InvoiceStatus.Created));
            Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(88m), "nothing came back");
            Assert.That(await WarehouseInvoices.BalanceAsync(bought), Is.EqualTo(7m));
        }
    }

    [Test]
    public async Task Should_return_the_originals_goods_and_move_the_corrected_ones_when_a_corrected_invoice_annuls_it()
    {
        // Arrange
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);
        var (original, link) = await sale.RegisterOriginalAsync(12m);
        var corrected = link(sale.Sale(10m), "FIXED_INVOICE");

        // Act
        var (id, status) = await sale.RegisterAsync(sale.Item(corrected));

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(InvoiceStatus.Created), string.Join("; ", (await sale.Parties.Seller.ErrorsAsync(id)).Select(e => e.Message)));
            Assert.That((await sale.Parties.ReadAsync(original)).Status, Is.EqualTo(InvoiceStatus.Canceled));
            Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(90m));
            Assert.That((await sale.CustomerGoodsAsync()).Sum(g => g.Quantity), Is.EqualTo(10m));
            Assert.That(await WarehouseInvoices.MovementsOfAsync(original), Has.Count.EqualTo(4), "the original's sale undone once");
        }
    }

    [Test]
    public async Task Should_fail_a_corrected_invoice_with_VS01_when_its_goods_do_not_fit_even_after_the_originals_return()
    {
        // Arrange
        using var sale = await WarehouseInvoices.StartAsync(stock: 20m);
        var (original, link) = await sale.RegisterOriginalAsync(12m);
        var corrected = link(sale.Sale(21m), "FIXED_INVOICE");

        // Act
        var (id, status) = await sale.RegisterAsync(sale.Item(corrected));

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(InvoiceStatus.Failed));
            Assert.That((await sale.Parties.Seller.ErrorsAsync(id)).Select(e => e.RuleId), Is.EqualTo(new[] { WarehouseRules.BalanceMustCoverWriteOff.Id }));
            Assert.That((await sale.Parties.ReadAsync(original)).Status, Is.EqualTo(InvoiceStatus.Created), "the original stands");
            Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(8m), "the original's return was rolled back too");
        }
    }

    [Test]
    public async Task Should_bring_goods_back_from_the_buyer_with_an_additional_invoice_of_a_negative_quantity()
    {
        // Arrange
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);
        var (_, link) = await sale.RegisterOriginalAsync(12m);
        var additional = link(TestInvoices.FullReturn(sale.Sale(3m)), "ADDITIONAL_INVOICE");

        // Act
        var (id, status) = await sale.RegisterAsync(sale.Item(additional));

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(InvoiceStatus.Created), string.Join("; ", (await sale.Parties.Seller.ErrorsAsync(id)).Select(e => e.Message)));
            Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(91m));
            Assert.That((await sale.CustomerGoodsAsync()).Single().Quantity, Is.EqualTo(9m));
            Assert.That(await WarehouseInvoices.MovementsOfAsync(id), Is.EqualTo(new[] { ("RETURN_OUT", -3m), ("RETURN_IN", 3m) }));
        }
    }

    [Test]
    public async Task Should_return_an_additional_invoices_goods_when_the_customer_declines_it()
    {
        // Arrange: an additional invoice selling 3 more.
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);
        var (_, link) = await sale.RegisterOriginalAsync(12m);
        var (additional, status) = await sale.RegisterAsync(sale.Item(
            link(sale.Sale(3m), "ADDITIONAL_INVOICE")));
        Assert.That(status, Is.EqualTo(InvoiceStatus.Created), string.Join("; ", (await sale.Parties.Seller.ErrorsAsync(additional)).Select(e => e.Message)));

        // Act
        var declined = await sale.Parties.ChangeAsync(sale.Parties.Customer, LifecycleOperation.Decline, additional);

        // Assert
        Assert.That(declined.Single().IsChanged, Is.True, declined.Single().Message);
        Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(88m));
        Assert.That((await sale.CustomerGoodsAsync()).Sum(g => g.Quantity), Is.EqualTo(12m));
    }
}
