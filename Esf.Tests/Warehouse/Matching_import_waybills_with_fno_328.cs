using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Esf.Domain.Warehouse;
using Esf.Domain.Waybills;
using Esf.Tests.Rest;
using NUnit.Framework;
using static Esf.Tests.Rest.ProblemAssertions;

namespace Esf.Tests.Warehouse;

/// <summary>
/// The importer matches a registered primary import waybill with its ФНО 328.00 positions over REST (docs/virtual-warehouse.md «ФНО 328.00
/// matching»): only the buyer may, another enterprise finds nothing, a position is never matched beyond its quantity.
/// </summary>
[TestFixture]
public sealed class Matching_import_waybills_with_fno_328
{
    [Test]
    public async Task Should_store_the_importers_matching_of_every_imported_line_and_show_it_to_both_sides()
    {
        // Arrange
        using var parties = await WaybillRestDriver.StartAsync(WarehouseGateway.Fixture);
        var fno = await ImportPositionAsync(parties, 500m);
        var id = await RegisteredImportAsync(parties);

        // Act
        using var matched = await MatchAsync(parties.Buyer, id, fno);

        // Assert
        var json = await RestClient.ReadJsonAsync(matched);
        Assert.That(matched.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToString());
        var line = json.EnumerateArray().Single();
        Assert.That((line.GetProperty("section").GetInt32(), line.GetProperty("position").GetInt32()), Is.EqualTo((8, 1)));
        Assert.That((line.GetProperty("fnoNumber").GetString(), line.GetProperty("fnoPosition").GetInt32()), Is.EqualTo((fno, 1)));
        Assert.That(line.GetProperty("quantity").GetDecimal(), Is.EqualTo(500m));
        var seen = await WarehouseRequests.GetJsonAsync(parties.Seller, $"api/v1/snt/{id}/fno-matching");
        Assert.That(seen.GetArrayLength(), Is.EqualTo(1), "the seller sees the matching of its waybill");
    }

    [Test]
    public async Task Should_refuse_the_seller_with_403_and_another_enterprise_with_404()
    {
        // Arrange
        using var parties = await WaybillRestDriver.StartAsync(WarehouseGateway.Fixture);
        using var stranger = await WarehouseRequests.LogInAsync();
        var fno = await ImportPositionAsync(parties, 500m);
        var id = await RegisteredImportAsync(parties);

        // Act
        using var bySeller = await MatchAsync(parties.Seller, id, fno);
        using var byStranger = await MatchAsync(stranger, id, fno);
        using var readByStranger = await stranger.Http.GetAsync($"api/v1/snt/{id}/fno-matching");

        // Assert
        Assert.That((await AssertProblemAsync(bySeller, HttpStatusCode.Forbidden)).GetProperty("errorCode").GetString(),
            Is.EqualTo(Esf.Infrastructure.Warehouse.FnoMatchings.AccessDenied));
        await AssertProblemAsync(byStranger, HttpStatusCode.NotFound);
        await AssertProblemAsync(readByStranger, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Should_refuse_a_second_matching_with_VS_31_and_a_position_drawn_beyond_its_quantity_with_VS_36()
    {
        // Arrange: a position of 700 units; two import waybills of 500 each.
        using var parties = await WaybillRestDriver.StartAsync(WarehouseGateway.Fixture);
        var fno = await ImportPositionAsync(parties, 700m);
        var first = await RegisteredImportAsync(parties);
        var second = await RegisteredImportAsync(parties);
        (await MatchAsync(parties.Buyer, first, fno)).Dispose();

        // Act
        using var again = await MatchAsync(parties.Buyer, first, fno);
        using var beyond = await MatchAsync(parties.Buyer, second, fno);

        // Assert
        Assert.That((await AssertProblemAsync(again, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString(),
            Does.StartWith("VS-31: " + WaybillWarehouseRules.WaybillMatchedOnce.MessageRu));
        var problem = await AssertProblemAsync(beyond, HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo(WaybillWarehouseRules.FnoPositionMustCoverQuantity.ErrorCode));
        Assert.That(problem.GetProperty("detail").GetString(), Does.StartWith("VS-36: " + WaybillWarehouseRules.FnoPositionMustCoverQuantity.MessageRu));
        Assert.That((await WarehouseRequests.GetJsonAsync(parties.Buyer, $"api/v1/snt/{second}/fno-matching")).GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Should_refuse_another_importers_position_with_VS_34()
    {
        // Arrange: the position is the stranger's, not the buyer's.
        using var parties = await WaybillRestDriver.StartAsync(WarehouseGateway.Fixture);
        using var stranger = await WarehouseRequests.LogInAsync();
        await WarehouseRequests.CreateAsync(stranger, "Склад");
        var fno = await ImportPositionAsync(stranger, 500m);
        var id = await RegisteredImportAsync(parties);

        // Act
        using var matched = await MatchAsync(parties.Buyer, id, fno);

        // Assert
        Assert.That((await AssertProblemAsync(matched, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString(),
            Does.StartWith("VS-34: " + WaybillWarehouseRules.FnoPositionMustBeImporters.MessageRu));
    }

    /// <summary>A registered primary import waybill (the sample: its line 8/1 of origin 2 is 500 units of cigarettes).</summary>
    internal static async Task<long> RegisteredImportAsync(WaybillRestDriver parties)
    {
        var id = (await parties.UploadAcceptedAsync(parties.Body(b => b.ImportType = WaybillTypeNames.Import))).Single();
        var status = await parties.ProcessedAsync(id);
        Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("NOT_VIEWED"), status.ToString());
        return id;
    }

    internal static async Task<string> ImportPositionAsync(WaybillRestDriver parties, decimal quantity)
    {
        await WarehouseRequests.CreateAsync(parties.Buyer, "Склад импортёра");
        return await ImportPositionAsync(parties.Buyer, quantity);
    }

    /// <summary>Imports position 1 of a fresh 18-digit ФНО 328.00 of <paramref name="importer"/>: the sample's cigarettes.</summary>
    private static async Task<string> ImportPositionAsync(RestClient importer, decimal quantity)
    {
        var number = string.Concat(Enumerable.Range(0, 18).Select(_ => (char)('0' + Random.Shared.Next(10))));
        var csv = "number,position,importer_tin,gsvs_code,tnved_code,name,country,price,quantity,unit\n" +
            $"{number},1,{importer.Tenant.SellerTin},12.00.11.00,2402209000,Сигареты с фильтром,RU,900,{quantity},5111";
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/admin/goods-sources/fno-328")
        {
            Content = new StringContent(csv, Encoding.UTF8, "text/csv"),
        };
        request.Headers.Add("X-Admin-Key", WarehouseGateway.AdminKey);
        using var response = await importer.Http.SendAsync(request);
        var report = await RestClient.ReadJsonAsync(response);
        Assert.That(report.GetProperty("credited").GetInt32(), Is.EqualTo(1), report.ToString());
        return number;
    }

    internal static Task<HttpResponseMessage> MatchAsync(RestClient client, long waybillId, string fno) =>
        client.Http.PostAsJsonAsync($"api/v1/snt/{waybillId}/fno-matching",
            new { lines = new[] { new { section = 8, position = 1, fnoNumber = fno, fnoPosition = 1 } } });
}
