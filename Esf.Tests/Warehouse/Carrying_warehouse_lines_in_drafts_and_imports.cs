using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Esf.Domain.Warehouse;
using Esf.Tests.Rest;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// Drafts and imports name the lines they sell through the virtual warehouse (issue 13), as the upload does: a draft keeps them,
/// its validation runs the warehouse checks and sending it passes them on; an import is checked with them at once, stores them
/// with the IMPORTED invoice, and its transfer registers the invoice and moves the goods.
/// </summary>
[TestFixture]
public sealed class Carrying_warehouse_lines_in_drafts_and_imports
{
    [Test]
    public async Task Should_keep_a_drafts_warehouse_lines_and_move_the_goods_when_it_is_sent()
    {
        // Arrange
        using var seller = await Checking_warehouse_lines_in_the_dry_run.SellerAsync(stock: 10m);
        var body = WarehouseInvoices.Sale(seller.Client.Tenant, 4m);
        var draft = await SaveDraftAsync(seller.Client, body, seller.Line());

        // Act
        var stored = await WarehouseRequests.GetJsonAsync(seller.Client, $"api/v1/drafts/{draft}");
        var validation = await PostOkAsync(seller.Client, $"api/v1/drafts/{draft}/validate", new { });
        var sent = await PostAsync(seller.Client, $"api/v1/drafts/{draft}/send",
            new { certificate = seller.Client.Tenant.CertificateBase64, signature = seller.Client.Tenant.Sign(body) }, HttpStatusCode.Accepted);
        var invoice = sent.GetProperty("accepted")[0].GetProperty("id").GetInt64();
        var status = await seller.Client.WaitUntilProcessedAsync(invoice);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lines(stored), Is.EqualTo(new[] { seller.Line() }));
            Assert.That(validation.GetProperty("valid").GetBoolean(), Is.True, validation.ToString());
            Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("CREATED"), status.ToString());
            Assert.That(await WarehouseInvoices.BalanceAsync(seller.GoodsId), Is.EqualTo(6m), "the sent draft's sale moved the goods");
            Assert.That(await WarehouseInvoices.MovementsOfAsync(invoice), Is.EqualTo(new[] { ("SALE_OUT", -4m), ("SALE_IN", 4m) }));
        }
    }

    [Test]
    public async Task Should_refuse_in_a_drafts_validation_lines_the_balance_does_not_cover_and_take_edited_lines()
    {
        // Arrange: saved naming a goods line that does not exist, then edited to name the real one for more than it holds.
        using var seller = await Checking_warehouse_lines_in_the_dry_run.SellerAsync(stock: 10m);
        var body = WarehouseInvoices.Sale(seller.Client.Tenant, 12m);
        var draft = await SaveDraftAsync(seller.Client, body, seller.Line() with { GoodsId = seller.GoodsId + 1_000_000 });
        var missing = await PostOkAsync(seller.Client, $"api/v1/drafts/{draft}/validate", new { });

        // Act
        using var edited = await seller.Client.Http.PutAsJsonAsync($"api/v1/drafts/{draft}", new { body, warehouseLines = new[] { seller.Line() } });
        var oversell = await PostOkAsync(seller.Client, $"api/v1/drafts/{draft}/validate", new { });

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Checking_warehouse_lines_in_the_dry_run.Errors(missing).Select(e => e.RuleId), Is.EqualTo(new[] { WarehouseRules.GoodsLineMustExist.Id }));
            Assert.That(edited.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Lines(await RestClient.ReadJsonAsync(edited)), Is.EqualTo(new[] { seller.Line() }));
            Assert.That(Checking_warehouse_lines_in_the_dry_run.Errors(oversell), Is.EqualTo(new[] { (WarehouseRules.BalanceMustCoverWriteOff.Id, "PRODUCT_DEFICIENCY") }));
            Assert.That(await WarehouseInvoices.BalanceAsync(seller.GoodsId), Is.EqualTo(10m));
        }
    }

    [Test]
    public async Task Should_import_with_warehouse_lines_and_move_the_goods_when_the_import_is_transferred()
    {
        // Arrange
        using var seller = await Checking_warehouse_lines_in_the_dry_run.SellerAsync(stock: 10m);
        var body = WarehouseInvoices.Sale(seller.Client.Tenant, 3m);
        var imported = await PostOkAsync(seller.Client, "api/v1/invoices/import", new { invoices = new[] { new { body, warehouseLines = new[] { seller.Line() } } } });
        var id = imported.GetProperty("accepted")[0].GetProperty("id").GetInt64();
        Assert.That(await WarehouseInvoices.BalanceAsync(seller.GoodsId), Is.EqualTo(10m), "an import moves nothing");

        // Act
        await PostAsync(seller.Client, "api/v1/invoices/transfer", new
        {
            certificate = seller.Client.Tenant.CertificateBase64,
            invoices = new[] { new { id, signature = seller.Client.Tenant.Sign(body) } },
        }, HttpStatusCode.Accepted);
        var status = await seller.Client.WaitUntilProcessedAsync(id);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("CREATED"), status.ToString());
            Assert.That(await WarehouseInvoices.BalanceAsync(seller.GoodsId), Is.EqualTo(7m));
            Assert.That(await WarehouseInvoices.MovementsOfAsync(id), Is.EqualTo(new[] { ("SALE_OUT", -3m), ("SALE_IN", 3m) }));
        }
    }

    [Test]
    public async Task Should_decline_an_import_whose_lines_the_balance_does_not_cover()
    {
        // Arrange
        using var seller = await Checking_warehouse_lines_in_the_dry_run.SellerAsync(stock: 10m);

        // Act
        var imported = await PostOkAsync(seller.Client, "api/v1/invoices/import", new
        {
            invoices = new[] { new { body = WarehouseInvoices.Sale(seller.Client.Tenant, 11m), warehouseLines = new[] { seller.Line() } } },
        });

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(imported.GetProperty("accepted").GetArrayLength(), Is.Zero);
            Assert.That(imported.GetProperty("declined")[0].GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("ruleId").GetString()),
                Is.EqualTo(new[] { WarehouseRules.BalanceMustCoverWriteOff.Id }));
            Assert.That(await WarehouseInvoices.BalanceAsync(seller.GoodsId), Is.EqualTo(10m));
        }
    }

    private static async Task<long> SaveDraftAsync(RestClient client, string body, WarehouseLineRef line) =>
        (await PostAsync(client, "api/v1/drafts", new { body, warehouseLines = new[] { line } }, HttpStatusCode.Created)).Id();

    private static Task<JsonElement> PostOkAsync(RestClient client, string path, object body) => PostAsync(client, path, body, HttpStatusCode.OK);

    private static async Task<JsonElement> PostAsync(RestClient client, string path, object body, HttpStatusCode expected)
    {
        using var response = await client.Http.PostAsJsonAsync(path, body);
        var json = await RestClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(expected), json.ToString());
        return json;
    }

    private static WarehouseLineRef[] Lines(JsonElement draft) =>
    [
        .. draft.GetProperty("warehouseLines").EnumerateArray().Select(l =>
            new WarehouseLineRef(l.GetProperty("line").GetInt32(), l.GetProperty("warehouseId").GetInt64(), l.GetProperty("goodsId").GetInt64())),
    ];
}
