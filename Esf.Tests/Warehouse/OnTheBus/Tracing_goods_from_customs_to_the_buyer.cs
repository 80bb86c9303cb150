using System.Net;
using System.Text;
using Dapper;
using Esf.Domain.Invoices;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Warehouse;
using Esf.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Warehouse.OnTheBus;

/// <summary>
/// Issue 13, done when: on real PostgreSQL and RabbitMQ, goods enter from a ДТ import and an «Остатки» form, are sold by
/// invoices that register and move them to the buyer, an oversell FAILS with its rule, concurrent sales never overdraw, a
/// revoked invoice returns the goods, and a balance as of any past moment is exact.
/// </summary>
[TestFixture]
public sealed class Tracing_goods_from_customs_to_the_buyer
{
    [Test]
    public async Task Should_trace_goods_from_a_declaration_and_a_remains_form_through_concurrent_sales_an_oversell_and_a_return()
    {
        // Arrange: 60 units from a ДТ import, 10 from a «Остатки» form, into the seller's default warehouse.
        var fixture = WarehouseBusGateway.Fixture;
        using var sale = await WarehouseInvoices.StartAsync(stock: 0m, fixture: fixture);
        var declared = WarehouseGoods.Wheat() with { SourceNumber = $"{Random.Shared.Next(10_000, 99_999)}/060316/{Random.Shared.Next(1_000_000, 9_999_999)}" };
        var fromCustoms = await ImportDeclarationAsync(fixture, sale, declared, 60m);
        var remains = WarehouseGoods.Wheat(price: 500m) with { SourceNumber = "54321/060316/7654321" };
        var fromForm = await ProcessRemainsAsync(fixture, sale, remains, 10m);

        // Act: 20 sales of 1 to 7 (80 in all) at once from the ДТ line; 4 from the form's line, then an oversell of 7 from it;
        // the first registered ДТ sale revoked.
        var quantities = Enumerable.Range(0, 20).Select(i => (decimal)(i % 7 + 1)).ToList();
        var sales = await Task.WhenAll(quantities.Select(async q =>
            (Quantity: q, Verdict: await sale.RegisterAsync(sale.Item(sale.Sale(q, goods: declared), goodsId: fromCustoms)))));
        var (formSale, formSaleStatus) = await sale.RegisterAsync(sale.Item(sale.Sale(4m, unitPrice: 500m, goods: remains), goodsId: fromForm));
        var (oversell, oversellStatus) = await sale.RegisterAsync(sale.Item(sale.Sale(7m, unitPrice: 500m, goods: remains), goodsId: fromForm));
        var registered = sales.Where(s => s.Verdict.Status == InvoiceStatus.Created).ToList();
        var revoked = await sale.Parties.ChangeAsync(sale.Parties.SellerSession, LifecycleOperation.Revoke, registered[0].Verdict.Id);

        // Assert
        var failedSales = sales.Where(s => s.Verdict.Status != InvoiceStatus.Created).ToList();
        var failures = await Task.WhenAll(failedSales.Select(s => sale.Parties.Seller.ErrorsAsync(s.Verdict.Id)));
        var customsLeft = await WarehouseInvoices.BalanceAsync(fromCustoms, fixture);
        var asOf = await BalancesAtEachMovementAsync(fixture, sale, fromCustoms);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(failedSales, Is.Not.Empty, "more was asked than there was");
            Assert.That(failures.Select(f => f.Single().RuleId), Is.All.EqualTo(WarehouseRules.BalanceMustCoverWriteOff.Id));
            Assert.That(customsLeft, Is.EqualTo(60m - registered.Sum(s => s.Quantity) + registered[0].Quantity), "exact, with the revoked sale back");
            Assert.That(failedSales.Select(s => s.Quantity), Is.All.GreaterThan(customsLeft - registered[0].Quantity), "no failed sale fitted");
            Assert.That(formSaleStatus, Is.EqualTo(InvoiceStatus.Created));
            Assert.That(oversellStatus, Is.EqualTo(InvoiceStatus.Failed));
            Assert.That((await sale.Parties.Seller.ErrorsAsync(oversell)).Single().RuleId, Is.EqualTo(WarehouseRules.BalanceMustCoverWriteOff.Id));
            Assert.That(await WarehouseInvoices.BalanceAsync(fromForm, fixture), Is.EqualTo(6m));
            Assert.That(revoked.Single().IsChanged, Is.True, revoked.Single().Message);
            Assert.That((await sale.CustomerGoodsAsync()).Sum(g => g.Quantity),
                Is.EqualTo(registered.Sum(s => s.Quantity) - registered[0].Quantity + 4m), "the buyer holds what it bought and kept");
            Assert.That(asOf.Select(a => a.AsOf), Is.EqualTo(asOf.Select(a => a.Running)), "every past balance is the sum up to it");
            Assert.That(await WarehouseInvoices.MovementsOfAsync(formSale, fixture), Has.Count.EqualTo(2));
        }
    }

    private static async Task<long> ImportDeclarationAsync(GatewayFixture fixture, WarehouseInvoices sale, GoodsLine goods, decimal quantity)
    {
        using var http = fixture.CreateClient();
        http.DefaultRequestHeaders.Add("X-Admin-Key", WarehouseGateway.AdminKey);
        var csv = "number,position,importer_tin,gsvs_code,tnved_code,name,country,price,quantity,unit\n" +
            $"{goods.SourceNumber},{goods.SourcePosition},{sale.SellerTin},{goods.GsvsCode},{goods.TnvedCode},{goods.SourceName},{goods.Country}," +
            $"{goods.Price},{quantity},{goods.Unit}";
        using var response = await http.PostAsync("api/v1/admin/goods-sources/dt", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await GoodsIdAsync(fixture, sale, goods);
    }

    private static async Task<long> ProcessRemainsAsync(GatewayFixture fixture, WarehouseInvoices sale, GoodsLine goods, decimal quantity)
    {
        var forms = fixture.Get<WarehouseForms>();
        var form = await fixture.Get<WarehouseFormUploader>().UploadPlainAsync(HeadSessions.Of(sale.SellerTin), new WarehouseFormDraft(WarehouseFormKind.Remains, "1", new DateOnly(2026, 3, 11), null,
            [new FormLine(sale.SellerWarehouse, goods, null, quantity)]), CancellationToken.None);
        var processed = await Poller.UntilAsync(() => forms.GetAsync(HeadSessions.Of(sale.SellerTin), form.FormId, CancellationToken.None),
            f => f.Status != WarehouseFormStatus.Queued, $"form {form.FormId} to be processed");
        Assert.That(processed.Status, Is.EqualTo(WarehouseFormStatus.Processed), processed.ErrorReason);
        return await GoodsIdAsync(fixture, sale, goods);
    }

    private static async Task<long> GoodsIdAsync(GatewayFixture fixture, WarehouseInvoices sale, GoodsLine goods) =>
        (await fixture.Get<WarehouseBalances>().ListAsync(HeadSessions.Of(sale.SellerTin), sale.SellerWarehouse, null, CancellationToken.None))
        .Single(g => g.SourceNumber == goods.SourceNumber).GoodsId;

    private static async Task<List<(decimal AsOf, decimal Running)>> BalancesAtEachMovementAsync(GatewayFixture fixture, WarehouseInvoices sale, long goodsId)
    {
        await using var connection = await fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        var movements = (await connection.QueryAsync<(DateTime At, decimal Quantity)>(
            "SELECT occurred_at, quantity FROM warehouse_movements WHERE goods_id = @Id ORDER BY occurred_at", new { Id = goodsId })).ToList();
        var balances = fixture.Get<WarehouseBalances>();
        var result = new List<(decimal, decimal)>();
        var running = 0m;
        foreach (var group in movements.GroupBy(m => m.At))
        {
            running += group.Sum(m => m.Quantity);
            var lines = await balances.ListAsync(HeadSessions.Of(sale.SellerTin), sale.SellerWarehouse, new DateTimeOffset(group.Key, TimeSpan.Zero), CancellationToken.None);
            result.Add((lines.SingleOrDefault(l => l.GoodsId == goodsId)?.Quantity ?? 0m, running));
        }

        return result;
    }
}
