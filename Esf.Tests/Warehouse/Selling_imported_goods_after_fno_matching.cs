using Esf.Domain.Warehouse;
using Esf.Tests.Rest;
using NUnit.Framework;
using static Esf.Tests.Warehouse.Matching_import_waybills_with_fno_328;

namespace Esf.Tests.Warehouse;

/// <summary>
/// VS-46 on the real pipeline: the importer's invoice naming its ФНО 328.00 in G15/G16 (origin «2») FAILS until the primary import
/// waybill is matched with that position, and registers once it is (seed 001 L2500–2513: «перед выпиской ЭСФ в обязательном порядке»).
/// </summary>
[TestFixture]
public sealed class Selling_imported_goods_after_fno_matching
{
    [Test]
    public async Task Should_fail_the_importers_invoice_with_VS_46_before_the_matching_and_register_it_after()
    {
        // Arrange: the buyer imported position 1 of a ФНО 328.00 by a registered primary import waybill, not matched yet.
        using var parties = await WaybillRestDriver.StartAsync(WarehouseGateway.Fixture);
        var fno = await ImportPositionAsync(parties, 500m);
        var waybillId = await RegisteredImportAsync(parties);
        var importer = parties.Buyer;
        var imported = WarehouseGoods.Wheat() with { SourceKind = GoodsSourceKind.ImportApplication, SourceNumber = fno, SourcePosition = 1 };

        // Act
        var before = await RegisteredAsync(importer, WarehouseInvoices.Sale(importer.Tenant, 5m, goods: imported));
        using (var matched = await MatchAsync(importer, waybillId, fno))
        {
            Assert.That(matched.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), await matched.Content.ReadAsStringAsync());
        }

        var after = await RegisteredAsync(importer, WarehouseInvoices.Sale(importer.Tenant, 5m, goods: imported));
        var otherPosition = await RegisteredAsync(importer, WarehouseInvoices.Sale(importer.Tenant, 5m, goods: imported with { SourcePosition = 2 }));

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(before.GetProperty("status").GetString(), Is.EqualTo("FAILED"), before.ToString());
            var error = before.GetProperty("errors").EnumerateArray().Single();
            Assert.That(error.GetProperty("ruleId").GetString(), Is.EqualTo(InvoiceSourceRules.FnoMustBeMatched.Id));
            Assert.That(error.GetProperty("message").GetString(), Does.StartWith(InvoiceSourceRules.FnoMustBeMatched.MessageRu));
            Assert.That(after.GetProperty("status").GetString(), Is.EqualTo("CREATED"), after.ToString());
            Assert.That(otherPosition.GetProperty("status").GetString(), Is.EqualTo("FAILED"), "position 2 of the application was not matched");
        }
    }

    [Test]
    public async Task Should_fail_the_importers_invoice_with_VS_46_once_the_matched_import_waybill_is_revoked()
    {
        // Arrange: matched, then the seller revokes the import waybill (a revoked waybill no longer vouches for its matching).
        using var parties = await WaybillRestDriver.StartAsync(WarehouseGateway.Fixture);
        var fno = await ImportPositionAsync(parties, 500m);
        var waybillId = await RegisteredImportAsync(parties);
        (await MatchAsync(parties.Buyer, waybillId, fno)).Dispose();
        using (var revoked = await WaybillRestDriver.ChangeAsync(parties.Seller, waybillId, "revoke", "ошибка"))
        {
            Assert.That(revoked.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), await revoked.Content.ReadAsStringAsync());
        }

        var imported = WarehouseGoods.Wheat() with { SourceKind = GoodsSourceKind.ImportApplication, SourceNumber = fno, SourcePosition = 1 };

        // Act
        var status = await RegisteredAsync(parties.Buyer, WarehouseInvoices.Sale(parties.Buyer.Tenant, 5m, goods: imported));

        // Assert
        Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("FAILED"), status.ToString());
        Assert.That(status.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("ruleId").GetString()),
            Is.EqualTo(new[] { InvoiceSourceRules.FnoMustBeMatched.Id }));
    }

    private static async Task<System.Text.Json.JsonElement> RegisteredAsync(RestClient seller, string body) =>
        await seller.WaitUntilProcessedAsync((await seller.UploadAcceptedAsync(body)).Single());
}
