using Esf.Domain.Invoices;
using Esf.Domain.Warehouse;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// Issue 13 (the bench's «within 20 %»): the worker moves the goods of a whole verdict batch set-based — the seller's goods lines
/// locked in id order, the sales that fit decided in upload order, every movement and balance written at once — so the cost of
/// a batch in round trips does not grow with its size, and batches drawing the same lines never deadlock.
/// </summary>
[TestFixture]
public sealed class Selling_a_batch_through_the_warehouse
{
    [Test]
    public async Task Should_register_the_sales_that_fit_in_upload_order_and_fail_the_others_of_the_same_batch_with_VS01()
    {
        // Arrange: 10 units; one upload asking 4, 7, 3 and 5 of them.
        using var sale = await WarehouseInvoices.StartAsync(stock: 10m);
        decimal[] quantities = [4m, 7m, 3m, 5m];

        // Act
        var result = await sale.Parties.Seller.UploadAsync([.. quantities.Select(q => sale.Item(sale.Sale(q)))]);
        var ids = result.Accepted.Select(a => a.InvoiceId!.Value).ToList();
        var statuses = new List<InvoiceStatus>();
        foreach (var id in ids)
        {
            statuses.Add((await sale.Parties.Seller.FinishedAsync(id)).Status);
        }

        // Assert: 4 fits (6 left), 7 does not, 3 fits (3 left), 5 does not.
        var failures = await sale.Parties.Seller.ErrorsAsync(ids[1]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(statuses, Is.EqualTo(new[] { InvoiceStatus.Created, InvoiceStatus.Failed, InvoiceStatus.Created, InvoiceStatus.Failed }));
            Assert.That(failures.Select(f => f.RuleId), Is.EqualTo(new[] { WarehouseRules.BalanceMustCoverWriteOff.Id }));
            Assert.That(failures[0].Message, Does.StartWith(WarehouseRules.BalanceMustCoverWriteOff.MessageRu).And.EndWith("(строка 1)"));
            Assert.That((await sale.Parties.Seller.ErrorsAsync(ids[3])).Select(f => f.RuleId), Is.EqualTo(new[] { WarehouseRules.BalanceMustCoverWriteOff.Id }));
            Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(3m));
            Assert.That(await WarehouseInvoices.MovementsOfAsync(ids[0]), Is.EqualTo(new[] { ("SALE_OUT", -4m), ("SALE_IN", 4m) }));
            Assert.That(await WarehouseInvoices.MovementsOfAsync(ids[1]), Is.Empty);
            Assert.That(await WarehouseInvoices.MovementsOfAsync(ids[3]), Is.Empty);
            Assert.That((await sale.CustomerGoodsAsync()).Select(g => g.Quantity), Is.EqualTo(new[] { 7m }), "both sales add up on one buyer line");
        }
    }

    [Test]
    public async Task Should_register_every_sale_when_parallel_batches_name_two_goods_lines_in_opposite_orders()
    {
        // Arrange: two goods lines of the seller (another price makes another line); 8 uploads at once, half naming them A then B,
        // half B then A.
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);
        var other = await WarehouseGoods.ReceiveAsync(sale.SellerTin, sale.SellerWarehouse, 100m, WarehouseGoods.Wheat(price: 310m));
        long[] forward = [sale.GoodsId, other];

        // Act
        var uploads = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => sale.Parties.Seller.UploadAsync(
            [.. (i % 2 == 0 ? forward : forward.Reverse()).Select(goodsId => sale.Item(sale.Sale(3m), goodsId))])));
        var statuses = new List<InvoiceStatus>();
        foreach (var id in uploads.SelectMany(u => u.Accepted).Select(a => a.InvoiceId!.Value))
        {
            statuses.Add((await sale.Parties.Seller.FinishedAsync(id)).Status);
        }

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(statuses, Has.Count.EqualTo(16).And.All.EqualTo(InvoiceStatus.Created));
            Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(76m));
            Assert.That(await WarehouseInvoices.BalanceAsync(other), Is.EqualTo(76m));
            Assert.That((await sale.CustomerGoodsAsync()).Sum(g => g.Quantity), Is.EqualTo(48m));
        }
    }

    [Test]
    public async Task Should_move_a_batch_of_twelve_sales_in_as_many_round_trips_as_a_batch_of_two()
    {
        // Arrange
        using var sale = await WarehouseInvoices.StartAsync(stock: 1000m);

        // Act
        var two = (await SaleBatchRun.RunAsync(sale, 2)).RoundTrips;
        var twelve = (await SaleBatchRun.RunAsync(sale, 12)).RoundTrips;

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(twelve, Is.EqualTo(two), "the round trips of a batch do not grow with its size");
            Assert.That(two, Is.InRange(1, 3), "a fixed small number: read and lock, then write");
        }
    }
}
