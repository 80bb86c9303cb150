using Esf.Domain.Invoices;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Registration;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// Issue 13 item 5: an invoice line naming a warehouse and a goods line is checked against it (G3/1, G4, G5, G15, G16, G17) and,
/// on registration, moves the goods from the seller's line to the buyer's default warehouse in the verdict's transaction.
/// </summary>
[TestFixture]
public sealed class Selling_goods_through_the_warehouse
{
    [Test]
    public async Task Should_register_a_sale_and_move_its_goods_to_the_buyers_default_warehouse_at_the_price_paid()
    {
        // Arrange
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);

        // Act
        var (id, status) = await sale.RegisterAsync(sale.Item(sale.Sale(12m, unitPrice: 350m)));

        // Assert
        var bought = await sale.CustomerGoodsAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(InvoiceStatus.Created), string.Join("; ", (await sale.Parties.Seller.ErrorsAsync(id)).Select(e => e.Message)));
            Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(88m));
            Assert.That(bought.Select(b => (b.Quantity, b.Price)), Is.EqualTo(new[] { (12m, 350m) }), "the buyer's «Цена» is what it paid");
            Assert.That(await WarehouseInvoices.MovementsOfAsync(id), Is.EqualTo(new[] { ("SALE_OUT", -12m), ("SALE_IN", 12m) }));
        }
    }

    [Test]
    public async Task Should_take_the_warehouse_lines_of_a_rest_upload_and_move_the_goods_on_registration()
    {
        // Arrange
        using var client = await WarehouseRequests.LogInAsync();
        var warehouse = await WarehouseRequests.CreateAsync(client, "Склад");
        await WarehouseInvoices.CreateWarehouseAsync(client.Tenant.CustomerTin, "Склад покупателя");
        var goodsId = await WarehouseGoods.ReceiveAsync(client.Tenant.SellerTin, warehouse.Id(), 50m);
        var body = WarehouseInvoices.Sale(client.Tenant, 7m);

        // Act
        using var response = await client.UploadAsync(new
        {
            certificate = client.Tenant.CertificateBase64,
            invoices = new[]
            {
                new
                {
                    body, version = "InvoiceV2", signature = client.Tenant.Sign(body), signatureType = "COMPANY",
                    warehouseLines = new[] { new { line = 1, warehouseId = warehouse.Id(), goodsId } },
                },
            },
        });
        var json = await Esf.Tests.Rest.RestClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted), json.ToString());
        var status = await client.WaitUntilProcessedAsync(json.GetProperty("accepted")[0].GetProperty("id").GetInt64());

        // Assert
        Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("CREATED"));
        Assert.That(await WarehouseInvoices.BalanceAsync(goodsId), Is.EqualTo(43m));
    }

    [Test]
    public async Task Should_fail_an_oversell_with_VS01_and_move_nothing()
    {
        // Arrange
        using var sale = await WarehouseInvoices.StartAsync(stock: 10m);

        // Act
        var (id, status) = await sale.RegisterAsync(sale.Item(sale.Sale(11m)));

        // Assert
        var errors = await sale.Parties.Seller.ErrorsAsync(id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(InvoiceStatus.Failed));
            Assert.That(errors.Select(e => e.RuleId), Is.EqualTo(new[] { WarehouseRules.BalanceMustCoverWriteOff.Id }));
            Assert.That(errors[0].Message, Does.StartWith(WarehouseRules.BalanceMustCoverWriteOff.MessageRu));
            Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(10m));
            Assert.That(await WarehouseInvoices.MovementsOfAsync(id), Is.Empty);
            Assert.That(await sale.CustomerGoodsAsync(), Is.Empty);
        }
    }

    /// <summary>One case per column the Module fills: a value other than the goods line's fails with that column's rule.</summary>
    [TestCase("VS-07", "<tnvedName>Пшеница 2 сорт</tnvedName>", "<tnvedName>Пшеница 1 сорт</tnvedName>")]
    [TestCase("VS-08", "<unitCode>1001110000</unitCode>", "<unitCode>1001190000</unitCode>")]
    [TestCase("VS-09", "<unitNomenclature>166</unitNomenclature>", "<unitNomenclature>796</unitNomenclature>")]
    [TestCase("VS-10", "<productDeclaration>12345/060316/9123456</productDeclaration>", "<productDeclaration>12345/060316/9123457</productDeclaration>")]
    [TestCase("VS-11", "<productNumberInDeclaration>1</productNumberInDeclaration>", "<productNumberInDeclaration>2</productNumberInDeclaration>")]
    [TestCase("VS-12", "<catalogTruId>01.11.11.01</catalogTruId>", "<catalogTruId>01.11.11.02</catalogTruId>")]
    public async Task Should_fail_a_line_whose_module_column_differs_from_the_goods_line_with_that_columns_rule(string ruleId, string right, string wrong)
    {
        // Arrange
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);
        var body = sale.Sale(5m);
        Assert.That(body, Does.Contain(right), "the passing case: the body as the Module fills it (the first test registers it)");

        // Act
        var (id, status) = await sale.RegisterAsync(sale.Item(body.Replace(right, wrong, StringComparison.Ordinal)));

        // Assert
        var errors = await sale.Parties.Seller.ErrorsAsync(id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(InvoiceStatus.Failed));
            Assert.That(errors.Select(e => e.RuleId), Is.EqualTo(new[] { ruleId }), string.Join("; ", errors.Select(e => e.Message)));
            Assert.That(errors[0].Message, Does.StartWith(InvoiceGoodsRules.All.Single(r => r.Id == ruleId).MessageRu));
            Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(100m));
        }
    }

    [Test]
    public async Task Should_fail_a_sale_to_a_buyer_without_a_default_warehouse_with_VS13()
    {
        // Arrange
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m, customerHasWarehouse: false);

        // Act
        var (id, status) = await sale.RegisterAsync(sale.Item(sale.Sale(5m)));

        // Assert
        var errors = await sale.Parties.Seller.ErrorsAsync(id);
        Assert.That((status, errors.Select(e => e.RuleId).Single()), Is.EqualTo((InvoiceStatus.Failed, InvoiceGoodsRules.BuyerMustHaveDefaultWarehouse.Id)));
        Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(100m));
    }

    [Test]
    public async Task Should_write_off_a_retail_sale_when_the_buyer_has_no_warehouse()
    {
        // Arrange
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m, customerHasWarehouse: false);

        // Act
        var (id, status) = await sale.RegisterAsync(sale.Item(sale.Sale(5m, retail: true)));

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(InvoiceStatus.Created), string.Join("; ", (await sale.Parties.Seller.ErrorsAsync(id)).Select(e => e.Message)));
            Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(95m));
            Assert.That(await WarehouseInvoices.MovementsOfAsync(id), Is.EqualTo(new[] { ("SALE_OUT", -5m) }), "written off, nowhere received");
        }
    }

    [Test]
    public async Task Should_fail_a_line_naming_another_taxpayers_goods_line_with_VS02()
    {
        // Arrange: the customer's own goods line, named by the seller.
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);
        var customerWarehouse = (await WarehouseGateway.Fixture.Get<Esf.Infrastructure.Warehouse.WarehouseStore>()
            .ListAsync(HeadSessions.Of(sale.CustomerTin), CancellationToken.None)).Single().WarehouseId;
        var foreign = await WarehouseGoods.ReceiveAsync(sale.CustomerTin, customerWarehouse, 50m);

        // Act
        var (id, status) = await sale.RegisterAsync(sale.Item(sale.Sale(5m), goodsId: foreign, warehouseId: customerWarehouse));

        // Assert
        var errors = await sale.Parties.Seller.ErrorsAsync(id);
        Assert.That((status, errors.Select(e => e.RuleId).Single()), Is.EqualTo((InvoiceStatus.Failed, WarehouseRules.GoodsLineMustExist.Id)));
        Assert.That(await WarehouseInvoices.BalanceAsync(foreign), Is.EqualTo(50m));
    }

    [Test]
    public async Task Should_fail_a_reference_to_a_line_the_invoice_does_not_have_with_VS15()
    {
        // Arrange
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);

        // Act
        var (id, status) = await sale.RegisterAsync(sale.Item(sale.Sale(5m), line: 2));

        // Assert
        var errors = await sale.Parties.Seller.ErrorsAsync(id);
        Assert.That((status, errors.Select(e => e.RuleId).Single()), Is.EqualTo((InvoiceStatus.Failed, InvoiceGoodsRules.LineMustBeNamedOnce.Id)));
    }

    [Test]
    public async Task Should_register_an_invoice_naming_no_warehouse_without_any_movement()
    {
        // Arrange
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);

        // Act: the same goods, but the upload names no goods line.
        var (id, status) = await sale.RegisterAsync(sale.Parties.Seller.Item(sale.Sale(5m)));

        // Assert
        Assert.That(status, Is.EqualTo(InvoiceStatus.Created));
        Assert.That(await WarehouseInvoices.MovementsOfAsync(id), Is.Empty);
        Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(100m));
    }

    [Test]
    public async Task Should_register_every_sale_that_fits_and_fail_every_other_with_VS01_when_many_uploads_draw_one_balance()
    {
        // Arrange: 60 units, 30 uploads of 1 to 7 units (120 in all), all at once.
        using var sale = await WarehouseInvoices.StartAsync(stock: 60m);
        var quantities = Enumerable.Range(0, 30).Select(i => (decimal)(i % 7 + 1)).ToList();

        // Act
        var outcomes = await Task.WhenAll(quantities.Select(async q => (Quantity: q, Verdict: await sale.RegisterAsync(sale.Item(sale.Sale(q))))));

        // Assert
        var balance = await WarehouseInvoices.BalanceAsync(sale.GoodsId);
        var registered = outcomes.Where(o => o.Verdict.Status == InvoiceStatus.Created).ToList();
        var failed = outcomes.Where(o => o.Verdict.Status != InvoiceStatus.Created).ToList();
        var failures = await Task.WhenAll(failed.Select(f => sale.Parties.Seller.ErrorsAsync(f.Verdict.Id)));
        var bought = await sale.CustomerGoodsAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(failed, Is.Not.Empty, "more was asked than there was");
            Assert.That(failed.Select(f => f.Verdict.Status), Is.All.EqualTo(InvoiceStatus.Failed));
            Assert.That(failures.Select(f => f.Single().RuleId), Is.All.EqualTo(WarehouseRules.BalanceMustCoverWriteOff.Id));
            Assert.That(balance, Is.EqualTo(60m - registered.Sum(r => r.Quantity)), "the balance ends exact");
            Assert.That(failed.Select(f => f.Quantity), Is.All.GreaterThan(balance), "every sale that failed did not fit even at the end");
            Assert.That(bought.Sum(b => b.Quantity), Is.EqualTo(registered.Sum(r => r.Quantity)), "what left the seller reached the buyer");
        }
    }

    [Test]
    public async Task Should_move_nothing_again_when_the_worker_processes_a_registered_upload_once_more()
    {
        // Arrange
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);
        var result = await sale.Parties.Seller.UploadAsync(sale.Item(sale.Sale(12m)));
        var id = result.Accepted.Single().InvoiceId!.Value;
        await sale.Parties.Seller.FinishedAsync(id);

        // Act: a redelivered message.
        await WarehouseGateway.Fixture.Get<InvoiceRegistrar>().ProcessAsync(result.UploadId!.Value, CancellationToken.None);

        // Assert
        Assert.That(await WarehouseInvoices.MovementsOfAsync(id), Has.Count.EqualTo(2));
        Assert.That(await WarehouseInvoices.BalanceAsync(sale.GoodsId), Is.EqualTo(88m));
    }
}
