using Esf.Domain.Invoices;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Invoices;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// Review finding (issue 13): an additional invoice of a negative quantity returns to the seller's goods line only what its
/// original sold from that line, less what earlier additional invoices returned (VS-14); anything else moves nothing.
/// </summary>
[TestFixture]
public sealed class Capping_returns_by_additional_invoices
{
    [Test]
    public async Task Should_fail_with_VS14_and_move_nothing_when_the_original_never_sold_the_goods_line()
    {
        // Arrange: the original is a plain invoice; nothing of the seller's line went to the buyer.
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);
        var (_, link) = await sale.RegisterOriginalAsync(12m, plain: true);

        // Act
        var (id, status) = await sale.RegisterAsync(sale.Item(link(TestInvoices.FullReturn(sale.Sale(3m)), "ADDITIONAL_INVOICE")));

        // Assert
        using (Assert.EnterMultipleScope())
        {
            await AssertRefusedAsync(sale, id, status);
            Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(100m), "the seller is credited nothing");
        }
    }

    [Test]
    public async Task Should_fail_with_VS14_when_the_return_exceeds_what_the_original_sold_though_the_buyer_holds_more()
    {
        // Arrange: two sales fill one buyer line (12 + 10); the additional invoice of the first returns 13 at a lower price (ADD-09 passes).
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);
        var (_, link) = await sale.RegisterOriginalAsync(12m);
        await sale.RegisterAsync(sale.Item(sale.Sale(10m)));

        // Act
        var (id, status) = await sale.RegisterAsync(sale.Item(link(TestInvoices.FullReturn(sale.Sale(13m, unitPrice: 100m)), "ADDITIONAL_INVOICE")));

        // Assert
        using (Assert.EnterMultipleScope())
        {
            await AssertRefusedAsync(sale, id, status);
            Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(78m));
            Assert.That((await sale.CustomerGoodsAsync()).Single().Quantity, Is.EqualTo(22m));
        }
    }

    [Test]
    public async Task Should_count_earlier_returns_against_the_cap_and_move_a_return_within_it_exactly_once()
    {
        // Arrange: 12 sold, 5 returned already; the buyer's line holds 12 more of another sale, so only the cap stops a return of 8.
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);
        var (_, link) = await sale.RegisterOriginalAsync(12m);
        await sale.RegisterAsync(sale.Item(sale.Sale(12m)));
        var (first, firstStatus) = await sale.RegisterAsync(sale.Item(link(TestInvoices.FullReturn(sale.Sale(5m, unitPrice: 100m)), "ADDITIONAL_INVOICE")));
        Assert.That(firstStatus, Is.EqualTo(InvoiceStatus.Created), string.Join("; ", (await sale.Parties.Seller.ErrorsAsync(first)).Select(e => e.Message)));

        // Act
        var (over, overStatus) = await sale.RegisterAsync(sale.Item(link(TestInvoices.FullReturn(sale.Sale(8m, unitPrice: 100m)), "ADDITIONAL_INVOICE")));
        var (within, withinStatus) = await sale.RegisterAsync(sale.Item(link(TestInvoices.FullReturn(sale.Sale(7m, unitPrice: 100m)), "ADDITIONAL_INVOICE")));

        // Assert
        using (Assert.EnterMultipleScope())
        {
            await AssertRefusedAsync(sale, over, overStatus);
            Assert.That(withinStatus, Is.EqualTo(InvoiceStatus.Created), string.Join("; ", (await sale.Parties.Seller.ErrorsAsync(within)).Select(e => e.Message)));
            Assert.That(await WarehouseInvoices.MovementsOfAsync(within), Is.EqualTo(new[] { ("RETURN_OUT", -7m), ("RETURN_IN", 7m) }));
            Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(100m - 24m + 12m));
            Assert.That((await sale.CustomerGoodsAsync()).Single().Quantity, Is.EqualTo(12m));
        }
    }

    [Test]
    public async Task Should_count_a_return_of_the_same_batch_against_the_cap()
    {
        // Arrange: 12 sold; the buyer's line holds 12 more, so only the cap stops the second return of the batch (5 + 8 > 12).
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);
        var (_, link) = await sale.RegisterOriginalAsync(12m);
        await sale.RegisterAsync(sale.Item(sale.Sale(12m)));
        UploadItem Return(decimal quantity) => sale.Item(link(TestInvoices.FullReturn(sale.Sale(quantity, unitPrice: 100m)), "ADDITIONAL_INVOICE"));

        // Act
        var upload = await sale.Parties.Seller.UploadAsync(Return(5m), Return(8m));
        var ids = upload.Accepted.Select(a => a.InvoiceId!.Value).ToList();
        var first = await sale.Parties.Seller.FinishedAsync(ids[0]);
        var second = await sale.Parties.Seller.FinishedAsync(ids[1]);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Status, Is.EqualTo(InvoiceStatus.Created), string.Join("; ", (await sale.Parties.Seller.ErrorsAsync(ids[0])).Select(e => e.Message)));
            await AssertRefusedAsync(sale, ids[1], second.Status);
            Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(100m - 24m + 5m));
        }
    }

    /// <summary>The additional invoice FAILED with VS-14 alone and moved nothing.</summary>
    private static async Task AssertRefusedAsync(WarehouseInvoices sale, long id, InvoiceStatus status)
    {
        Assert.That(status, Is.EqualTo(InvoiceStatus.Failed));
        Assert.That((await sale.Parties.Seller.ErrorsAsync(id)).Select(e => e.RuleId), Is.EqualTo(new[] { InvoiceGoodsRules.ReturnMustBeCovered.Id }));
        Assert.That(await WarehouseInvoices.MovementsOfAsync(id), Is.Empty);
    }
}
