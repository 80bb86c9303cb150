using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Registration;
using Esf.Tests.Rest;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// POST /api/v1/invoices/validate with <c>warehouseLines</c> (issue 13): the worker's warehouse checks — the balance (VS-01), the
/// goods line (VS-02), the columns the Module fills (VS-07 … VS-12), the buyer's warehouse (VS-13), the references (VS-15) —
/// run on the dry run too, and nothing moves.
/// </summary>
[TestFixture]
public sealed class Checking_warehouse_lines_in_the_dry_run
{
    [Test]
    public async Task Should_pass_a_sale_the_balance_covers_and_move_nothing()
    {
        // Arrange
        using var seller = await SellerAsync(stock: 10m);

        // Act
        var result = await ValidateAsync(seller.Client, WarehouseInvoices.Sale(seller.Client.Tenant, 10m), seller.Line());

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.GetProperty("valid").GetBoolean(), Is.True, result.ToString());
            Assert.That(await WarehouseInvoices.BalanceAsync(seller.GoodsId), Is.EqualTo(10m), "a dry run moves nothing");
            Assert.That((await WarehouseRequests.GetJsonAsync(seller.Client, $"api/v1/warehouses/{seller.WarehouseId}/movements")).GetArrayLength(),
                Is.EqualTo(1), "only the receipt");
        }
    }

    [Test]
    public async Task Should_refuse_a_sale_beyond_the_balance_with_VS_01_and_keep_the_balance()
    {
        // Arrange
        using var seller = await SellerAsync(stock: 10m);

        // Act
        var result = await ValidateAsync(seller.Client, WarehouseInvoices.Sale(seller.Client.Tenant, 11m), seller.Line());

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.GetProperty("valid").GetBoolean(), Is.False);
            Assert.That(Errors(result), Is.EqualTo(new[] { (WarehouseRules.BalanceMustCoverWriteOff.Id, "PRODUCT_DEFICIENCY") }));
            Assert.That(await WarehouseInvoices.BalanceAsync(seller.GoodsId), Is.EqualTo(10m));
        }
    }

    [Test]
    public async Task Should_refuse_a_column_other_than_the_goods_lines_and_a_line_that_does_not_exist()
    {
        // Arrange
        using var seller = await SellerAsync(stock: 10m);
        var body = WarehouseInvoices.Sale(seller.Client.Tenant, 5m);
        var renamed = body.Replace("<tnvedName>Пшеница 2 сорт</tnvedName>", "<tnvedName>Пшеница 1 сорт</tnvedName>", StringComparison.Ordinal);

        // Act
        var wrongName = await ValidateAsync(seller.Client, renamed, seller.Line());
        var noSuchLine = await ValidateAsync(seller.Client, body, seller.Line() with { Line = 2 });
        var strangersGoods = await ValidateAsync(seller.Client, body, seller.Line() with { GoodsId = seller.GoodsId + 1_000_000 });

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Errors(wrongName).Select(e => e.RuleId), Is.EqualTo(new[] { InvoiceGoodsRules.NameMustMatchGoods.Id }));
            Assert.That(Errors(noSuchLine).Select(e => e.RuleId), Is.EqualTo(new[] { InvoiceGoodsRules.LineMustBeNamedOnce.Id }));
            Assert.That(Errors(strangersGoods).Select(e => e.RuleId), Is.EqualTo(new[] { WarehouseRules.GoodsLineMustExist.Id }));
        }
    }

    [Test]
    public async Task Should_refuse_a_buyer_without_a_default_warehouse_with_VS_13()
    {
        // Arrange: the customer has no warehouse (the validator is the service behind the endpoint).
        using var sale = await WarehouseInvoices.StartAsync(stock: 10m, customerHasWarehouse: false);
        var validator = WarehouseGateway.Fixture.Get<InvoiceValidator>();

        // Act
        var refused = await validator.ValidateAsync(sale.Parties.SellerSession, sale.Sale(5m), null, null, null,
            [new WarehouseLineRef(1, sale.SellerWarehouse, sale.GoodsId)], CancellationToken.None);
        var withoutLines = await validator.ValidateAsync(sale.Parties.SellerSession, sale.Sale(5m), null, null, null, null, CancellationToken.None);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.Violations.Select(v => v.RuleId), Is.EqualTo(new[] { InvoiceGoodsRules.BuyerMustHaveDefaultWarehouse.Id }));
            Assert.That(withoutLines.Valid, Is.True, "a plain invoice needs no warehouse");
        }
    }

    /// <summary>A logged-in seller holding <paramref name="stock"/> of wheat in its default warehouse; its customer has one too.</summary>
    internal static async Task<WarehouseSeller> SellerAsync(decimal stock)
    {
        var client = await WarehouseRequests.LogInAsync();
        var warehouse = (await WarehouseRequests.CreateAsync(client, "Склад")).Id();
        await WarehouseInvoices.CreateWarehouseAsync(client.Tenant.CustomerTin, "Склад покупателя");
        return new WarehouseSeller(client, warehouse, await WarehouseGoods.ReceiveAsync(client.Tenant.SellerTin, warehouse, stock));
    }

    internal static (string RuleId, string ErrorCode)[] Errors(JsonElement result) =>
        [.. result.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("ruleId").GetString()!, e.GetProperty("errorCode").GetString()!))];

    /// <summary>The dry run of <paramref name="body"/> selling <paramref name="lines"/> through the warehouse (none: a plain invoice).</summary>
    internal static async Task<JsonElement> ValidateAsync(RestClient client, string body, params WarehouseLineRef[] lines)
    {
        using var response = await client.Http.PostAsJsonAsync("api/v1/invoices/validate",
            new { invoiceBody = body, warehouseLines = lines.Length == 0 ? null : lines });
        var result = await RestClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), result.ToString());
        return result;
    }
}

/// <summary>A REST client of a seller with goods: its default warehouse and its goods line.</summary>
internal sealed record WarehouseSeller(RestClient Client, long WarehouseId, long GoodsId) : IDisposable
{
    /// <summary>The first line of section G drawn from the goods line.</summary>
    public WarehouseLineRef Line() => new(1, WarehouseId, GoodsId);

    public void Dispose() => Client.Dispose();
}
