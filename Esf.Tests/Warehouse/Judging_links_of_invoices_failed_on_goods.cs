using Esf.Domain.Invoices;
using Esf.Domain.Warehouse;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// Review finding (issue 13): an invoice that the warehouse stage fails keeps no effect of the registration stage on the rest of
/// its batch. Here both invoices supplement one original (ADD-09 counts each passed one for the next); the first fails on its
/// goods, so the second is judged as if the first had never been sent.
/// </summary>
[TestFixture]
public sealed class Judging_links_of_invoices_failed_on_goods
{
    [Test]
    public async Task Should_register_the_second_additional_invoice_when_the_first_of_the_batch_fails_on_its_goods()
    {
        // Arrange: 12 sold at 300 (4032 with VAT). The first return (13 at 250, -3640) exceeds what the original sold (VS-14); with
        // its total counted, the second (2 at 300, -672) would take the original below zero (ADD-09).
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);
        var (_, link) = await sale.RegisterOriginalAsync(12m);
        var failing = sale.Item(link(TestInvoices.FullReturn(sale.Sale(13m, unitPrice: 250m)), "ADDITIONAL_INVOICE"));
        var passing = sale.Item(link(TestInvoices.FullReturn(sale.Sale(2m)), "ADDITIONAL_INVOICE"));

        // Act
        var upload = await sale.Parties.Seller.UploadAsync(failing, passing);
        var ids = upload.Accepted.Select(a => a.InvoiceId!.Value).ToList();
        var first = await sale.Parties.Seller.FinishedAsync(ids[0]);
        var second = await sale.Parties.Seller.FinishedAsync(ids[1]);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Status, Is.EqualTo(InvoiceStatus.Failed));
            Assert.That((await sale.Parties.Seller.ErrorsAsync(ids[0])).Select(e => e.RuleId), Is.EqualTo(new[] { InvoiceGoodsRules.ReturnMustBeCovered.Id }));
            Assert.That(second.Status, Is.EqualTo(InvoiceStatus.Created),
                string.Join("; ", (await sale.Parties.Seller.ErrorsAsync(ids[1])).Select(e => $"{e.RuleId} {e.Message}")));
            Assert.That(await WarehouseInvoices.MovementsOfAsync(ids[0]), Is.Empty);
            Assert.That(await WarehouseInvoices.MovementsOfAsync(ids[1]), Is.EqualTo(new[] { ("RETURN_OUT", -2m), ("RETURN_IN", 2m) }), "moved once");
            Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(90m));
        }
    }
}
