using System.Net;
using System.Net.Http.Json;
using Dapper;
using Esf.Domain.Waybills;
using Esf.Infrastructure.Registry;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Soap.Snt;

/// <summary>
/// «Подтвержден инспектором ОГД» (ADR 0032): an inspector of the registry «ogd-inspectors» confirms, in the buyer's place, a
/// waybill whose buyer is registered with the inspector's ОГД (taxpayers.kogd) — over SOAP and REST; nobody else can, and the
/// inspector reaches nothing more. And the buyer's receipt NOT_VIEWED → DELIVERED over REST.
/// </summary>
[TestFixture]
public sealed class Confirming_waybills_as_an_ogd_inspector
{
    [Test]
    public async Task Should_let_only_an_inspector_of_the_buyers_ogd_confirm_and_record_the_inspector_in_the_history()
    {
        // Arrange
        using var driver = await SntSoapDriver.StartAsync(SoapGateway.Fixture);
        var inspector = await driver.StrangerAsync();
        var otherInspector = await driver.StrangerAsync();
        var kogd = await RegisterBuyerWithAnOgdAsync(driver.Buyer.Tenant.SellerTin);
        await AddInspectorAsync(inspector.Tenant.UserIin, kogd);
        await AddInspectorAsync(otherInspector.Tenant.UserIin, await RegisterBuyerWithAnOgdAsync(TestTenant.UniqueTin()));
        var id = (await driver.UploadAcceptedAsync(driver.Body())).Single();
        await driver.ProcessedAsync(id);

        // Act
        var byTheBuyer = await driver.ChangeAsync("confirmSntByOgdInspector", driver.Buyer, id);
        var byAnotherOgd = await driver.ChangeAsync("confirmSntByOgdInspector", otherInspector, id);
        var declineByInspector = await driver.ChangeAsync("declineSntById", inspector, id, "не моё");
        var confirmed = await driver.ChangeAsync("confirmSntByOgdInspector", inspector, id);
        var again = await driver.ChangeAsync("confirmSntByOgdInspector", inspector, id);

        // Assert
        Assert.That(byTheBuyer.Element("errorCode"), Is.EqualTo(WaybillFlow.AccessDenied), byTheBuyer.ToString());
        Assert.That(byAnotherOgd.Element("errorCode"), Is.EqualTo("SNT_NOT_FOUND"), byAnotherOgd.ToString());
        Assert.That(declineByInspector.Element("errorCode"), Is.EqualTo("SNT_NOT_FOUND"), "an inspector reaches a waybill only to confirm it");
        Assert.That((confirmed.Element("isChanged"), confirmed.Element("status")), Is.EqualTo(("true", "CONFIRMED_BY_OGD")), confirmed.ToString());
        Assert.That(again.Element("errorCode"), Is.EqualTo(WaybillFlow.WrongStatus), again.ToString());
        var history = await driver.ByIdAsync("querySntHistoryById", driver.Seller, id);
        Assert.That(history.Elements("status")[^1], Is.EqualTo("CONFIRMED_BY_OGD"));
        Assert.That(history.Elements("userId")[^1], Is.EqualTo(inspector.Tenant.UserIin), "the inspector acted");
    }

    [Test]
    public async Task Should_let_the_buyer_receive_a_waybill_once_and_an_inspector_confirm_it_over_rest()
    {
        // Arrange
        using var seller = await RestClient.LogInAsync(SoapGateway.Fixture);
        using var buyer = await RestClient.LogInAsync(SoapGateway.Fixture);
        using var inspector = await RestClient.LogInAsync(SoapGateway.Fixture);
        await AddInspectorAsync(inspector.Tenant.UserIin, await RegisterBuyerWithAnOgdAsync(buyer.Tenant.SellerTin));
        var id = await UploadRegisteredAsync(seller, buyer);

        // Act
        using var bySeller = await WaybillRestDriver.ChangeAsync(seller, id, "receive", null);
        using var received = await WaybillRestDriver.ChangeAsync(buyer, id, "receive", null);
        using var twice = await WaybillRestDriver.ChangeAsync(buyer, id, "receive", null);
        using var confirmed = await WaybillRestDriver.ChangeAsync(inspector, id, "confirm-by-ogd", null);

        // Assert
        Assert.That((await ProblemAssertions.AssertProblemAsync(bySeller, HttpStatusCode.Forbidden)).GetProperty("errorCode").GetString(), Is.EqualTo(WaybillFlow.AccessDenied));
        Assert.That(received.StatusCode, Is.EqualTo(HttpStatusCode.OK), await received.Content.ReadAsStringAsync());
        Assert.That((await ProblemAssertions.AssertProblemAsync(twice, HttpStatusCode.Conflict)).GetProperty("errorCode").GetString(), Is.EqualTo(WaybillFlow.WrongStatus));
        Assert.That((await RestClient.ReadJsonAsync(confirmed)).GetProperty("status").GetString(), Is.EqualTo("CONFIRMED_BY_OGD"));
        Assert.That(await WaybillRestDriver.HistoryAsync(seller, id),
            Is.EqualTo(new[] { "→IN_QUEUE", "IN_QUEUE→NOT_VIEWED", "NOT_VIEWED→DELIVERED", "DELIVERED→CONFIRMED_BY_OGD" }));
    }

    [Test]
    public async Task Should_not_deliver_a_waybill_the_buyer_only_reads()
    {
        // Arrange
        using var seller = await RestClient.LogInAsync(SoapGateway.Fixture);
        using var buyer = await RestClient.LogInAsync(SoapGateway.Fixture);
        var id = await UploadRegisteredAsync(seller, buyer);

        // Act
        using var read = await buyer.Http.GetAsync($"api/v1/snt/{id}");

        // Assert
        Assert.That((await RestClient.ReadJsonAsync(read)).GetProperty("status").GetString(), Is.EqualTo("NOT_VIEWED"), "reading is not the receipt");
    }

    private static async Task<long> UploadRegisteredAsync(RestClient seller, RestClient buyer)
    {
        using var upload = await seller.Http.PostAsJsonAsync("api/v1/snt",
            TestWaybills.UploadBody(seller.Tenant, TestWaybills.Build(seller.Tenant.SellerTin, buyer.Tenant.SellerTin)));
        var id = (await RestClient.ReadJsonAsync(upload)).GetProperty("accepted")[0].GetProperty("id").GetInt64();
        await Poller.UntilAsync(
            async () => await RestClient.ReadJsonAsync(await seller.Http.GetAsync($"api/v1/snt/{id}/status")),
            s => s.GetProperty("status").GetString() is "NOT_VIEWED" or "FAILED", $"waybill {id} registered");
        return id;
    }

    /// <summary>Registers the taxpayer with a fresh ОГД code (taxpayers.kogd) and answers the code.</summary>
    private static async Task<string> RegisterBuyerWithAnOgdAsync(string tin)
    {
        var kogd = TestTenant.UniqueTin()[^8..];
        await using var connection = await SoapGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO taxpayers (tin, name_ru, kogd) VALUES (@Tin, 'ТОО «Покупатель»', @Kogd) ON CONFLICT (tin) DO UPDATE SET kogd = @Kogd",
            new { Tin = tin, Kogd = kogd });
        return kogd;
    }

    /// <summary>Adds an inspector through the registry import, as an operator does (docs/registries.md).</summary>
    private static async Task AddInspectorAsync(string iin, string kogd)
    {
        var report = await SoapGateway.Fixture.Get<RegistryImporter>().ImportAsync(
            RegistryTables.Find("ogd-inspectors")!, $"iin,kogd,name_ru\n{iin},{kogd},Инспектор ОГД\n", CancellationToken.None);
        Assert.That(report.Imported, Is.EqualTo(1));
    }
}
