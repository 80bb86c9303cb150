using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Esf.Domain.Invoices;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Warehouse;
using Esf.Tests.Infrastructure;
using Esf.Tests.Lifecycle;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// Invoices sold through the virtual warehouse: a seller with goods in its default warehouse and a customer (logged in on its own
/// side) with or without one; bodies whose one line carries the goods line's columns; and what the ledger holds afterwards.
/// </summary>
public sealed class WarehouseInvoices : IDisposable
{
    private WarehouseInvoices(DocumentFlowParties parties, long sellerWarehouse, long goodsId)
    {
        Parties = parties;
        SellerWarehouse = sellerWarehouse;
        GoodsId = goodsId;
    }

    public DocumentFlowParties Parties { get; }

    public long SellerWarehouse { get; }

    /// <summary>The seller's goods line (wheat of a ДТ line, <see cref="WarehouseGoods.Wheat"/>).</summary>
    public long GoodsId { get; }

    public string SellerTin => Parties.Seller.Tenant.SellerTin;

    public string CustomerTin => Parties.Seller.Tenant.CustomerTin;

    /// <summary>A seller holding <paramref name="stock"/> units of wheat; the customer has a default warehouse unless told otherwise.</summary>
    /// <param name="fixture">The gateway (default <see cref="WarehouseGateway"/>'s).</param>
    /// <param name="stock">The wheat the seller holds; none (no goods line yet) when 0.</param>
    public static async Task<WarehouseInvoices> StartAsync(decimal stock, bool customerHasWarehouse = true, GatewayFixture? fixture = null)
    {
        var parties = await DocumentFlowParties.StartAsync(fixture ?? WarehouseGateway.Fixture);
        var sellerWarehouse = await CreateWarehouseAsync(parties.Seller.Tenant.SellerTin, "Центральный склад", parties.Fixture);
        if (customerHasWarehouse)
        {
            await CreateWarehouseAsync(parties.Seller.Tenant.CustomerTin, "Склад покупателя", parties.Fixture);
        }

        var goodsId = stock > 0 ? await WarehouseGoods.ReceiveAsync(parties.Seller.Tenant.SellerTin, sellerWarehouse, stock, fixture: parties.Fixture) : 0;
        return new WarehouseInvoices(parties, sellerWarehouse, goodsId);
    }

    public static async Task<long> CreateWarehouseAsync(string tin, string name, GatewayFixture? fixture = null) =>
        (await (fixture ?? WarehouseGateway.Fixture).Get<WarehouseStore>().CreateAsync(
            HeadSessions.Of(tin), new WarehouseDraft(name, null, "Адрес 7", WarehouseKind.Warehouse, "123456789021", false), CancellationToken.None)).WarehouseId;

    /// <summary>An invoice of the test seller with one line of <paramref name="goods"/> (default: the wheat) filled as the Module fills it.</summary>
    public string Sale(decimal quantity, decimal unitPrice = 300m, GoodsLine? goods = null, string? num = null, bool retail = false) =>
        Sale(Parties.Seller.Tenant, quantity, unitPrice, goods, num, retail);

    /// <summary>An invoice of <paramref name="tenant"/>'s seller to its customer with one line of <paramref name="goods"/>.</summary>
    public static string Sale(TestTenant tenant, decimal quantity, decimal unitPrice = 300m, GoodsLine? goods = null, string? num = null, bool retail = false)
    {
        goods ??= WarehouseGoods.Wheat();
        var without = quantity * unitPrice;
        var nds = Math.Round(without * 0.12m, 2);
        string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
        var line = $"""
            <products><product>
              <catalogTruId>{goods.GsvsCode}</catalogTruId>
              <description>{goods.SourceName}</description>
              <ndsAmount>{Amount(nds)}</ndsAmount>
              <ndsRate>12</ndsRate>
              <priceWithTax>{Amount(without + nds)}</priceWithTax>
              <priceWithoutTax>{Amount(without)}</priceWithoutTax>
              <productDeclaration>{goods.SourceNumber}</productDeclaration>
              <productNumberInDeclaration>{goods.SourcePosition}</productNumberInDeclaration>
              <quantity>{quantity.ToString(CultureInfo.InvariantCulture)}</quantity>
              <tnvedName>{goods.SourceName}</tnvedName>
              <truOriginCode>2</truOriginCode>
              <turnoverSize>{Amount(without)}</turnoverSize>
              <unitCode>{goods.TnvedCode}</unitCode>
              <unitNomenclature>{goods.Unit}</unitNomenclature>
              <unitPrice>{Amount(unitPrice)}</unitPrice>
            </product></products>
            <totalExciseAmount>0.00</totalExciseAmount>
            <totalNdsAmount>{Amount(nds)}</totalNdsAmount>
            <totalPriceWithTax>{Amount(without + nds)}</totalPriceWithTax>
            <totalPriceWithoutTax>{Amount(without)}</totalPriceWithoutTax>
            <totalTurnoverSize>{Amount(without)}</totalTurnoverSize>
            """;
        var body = Regex.Replace(TestInvoices.Build(tenant, num), "<products>.*</totalTurnoverSize>", line, RegexOptions.Singleline);
        var customer = "<tin>" + tenant.CustomerTin;
        return retail ? body.Replace(customer, "<statuses><status>RETAIL</status></statuses>" + customer, StringComparison.Ordinal) : body;
    }

    /// <summary>The upload item of <paramref name="body"/> naming its first line as drawn from the seller's goods line.</summary>
    public UploadItem Item(string body, long? goodsId = null, long? warehouseId = null, int line = 1) =>
        Parties.Seller.Item(body) with { WarehouseLines = [new WarehouseLineRef(line, warehouseId ?? SellerWarehouse, goodsId ?? GoodsId)] };

    /// <summary>Uploads one item and waits for its verdict; answers the invoice id and its status.</summary>
    public async Task<(long Id, InvoiceStatus Status)> RegisterAsync(UploadItem item)
    {
        var result = await Parties.Seller.UploadAsync(item);
        Assert.That(result.Declined, Is.Empty);
        var id = result.Accepted.Single().InvoiceId!.Value;
        return (id, (await Parties.Seller.FinishedAsync(id)).Status);
    }

    /// <summary>
    /// Registers a sale of <paramref name="quantity"/> (through the warehouse unless <paramref name="plain"/>) and answers it with a
    /// function that links a body to it (a corrected or additional invoice).
    /// </summary>
    public async Task<(long Id, Func<string, string, string> Link)> RegisterOriginalAsync(decimal quantity, bool plain = false)
    {
        var num = TestTenant.UniqueNum();
        var body = Sale(quantity, num: num);
        var (original, _) = await RegisterAsync(plain ? Parties.Seller.Item(body) : Item(body));
        var registered = await Parties.ReadAsync(original);
        return (original, (linked, type) => TestInvoices.Linked(linked, type, num, registered.DateText, registered.RegistrationNumber));
    }

    /// <summary>The current quantity of a goods line (the row) after checking it equals the sum of its movements.</summary>
    public static async Task<decimal> BalanceAsync(long goodsId, GatewayFixture? fixture = null)
    {
        await using var connection = await (fixture ?? WarehouseGateway.Fixture).Get<NpgsqlDataSource>().OpenConnectionAsync();
        var (row, sum) = await connection.QuerySingleAsync<(decimal, decimal)>("""
            SELECT g.quantity, coalesce((SELECT sum(m.quantity) FROM warehouse_movements m WHERE m.goods_id = g.goods_id), 0)
            FROM warehouse_goods g WHERE g.goods_id = @Id
            """, new { Id = goodsId });
        Assert.That(row, Is.EqualTo(sum), $"goods line {goodsId}: the balance is the sum of its movements");
        return row;
    }

    /// <summary>The customer's goods lines (goods id, quantity, price), in id order.</summary>
    public async Task<IReadOnlyList<(long GoodsId, decimal Quantity, decimal Price)>> CustomerGoodsAsync()
    {
        await using var connection = await Parties.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        return [.. await connection.QueryAsync<(long, decimal, decimal)>(
            "SELECT goods_id, quantity, price FROM warehouse_goods WHERE tin = @Tin ORDER BY goods_id", new { Tin = CustomerTin })];
    }

    /// <summary>The movements an invoice caused: kind and quantity, in the order written.</summary>
    public static async Task<IReadOnlyList<(string Kind, decimal Quantity)>> MovementsOfAsync(long invoiceId, GatewayFixture? fixture = null)
    {
        await using var connection = await (fixture ?? WarehouseGateway.Fixture).Get<NpgsqlDataSource>().OpenConnectionAsync();
        return [.. await connection.QueryAsync<(string, decimal)>(
            "SELECT kind, quantity FROM warehouse_movements WHERE invoice_id = @Id ORDER BY movement_id", new { Id = invoiceId })];
    }

    public void Dispose() => Parties.Dispose();
}
