using System.Net;
using NUnit.Framework;

namespace Esf.Tests.Soap.Snt;

/// <summary>
/// The tenant predicate over SntService (WaybillVisibility, as over REST): a stranger — here also the waybill's consignee, who has
/// no rights (ADR 0015) — reads nothing and changes nothing of another enterprise's waybill, exactly as for an id that does
/// not exist; the buyer sees it only once registered.
/// </summary>
[TestFixture]
public sealed class Reaching_another_enterprises_waybills_over_soap
{
    [Test]
    public async Task Should_show_a_stranger_nothing_and_refuse_every_operation_as_not_found()
    {
        // Arrange
        using var driver = await SntSoapDriver.StartAsync(SoapGateway.Fixture);
        var stranger = await driver.StrangerAsync();
        var id = (await driver.UploadAcceptedAsync(driver.Body(b => b.Consignee.Tin = stranger.Tenant.SellerTin))).Single();
        await driver.ProcessedAsync(id);

        // Act
        var read = await driver.ByIdAsync("querySntById", stranger, id);
        var status = await driver.ByIdAsync("querySntStatusById", stranger, id);
        var history = await driver.ByIdAsync("querySntHistoryById", stranger, id);
        var found = await Registering_waybills_over_soap.Search(driver, stranger, "");
        var changes = new List<SoapReply>();
        foreach (var (operation, reason) in new[]
        {
            ("receiveSntById", (string?)null), ("confirmSntById", null), ("declineSntById", "чужая"), ("revokeSntById", "чужая"),
            ("confirmSntByOgdInspector", null),
        })
        {
            changes.Add(await driver.ChangeAsync(operation, stranger, id, reason));
        }

        // Assert
        foreach (var reply in new[] { read, status, history, found })
        {
            Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.ToString());
            Assert.That(reply.Elements("sntId"), Is.Empty, reply.ToString());
        }

        Assert.That(changes.Select(c => (c.Element("isChanged"), c.Element("errorCode"))), Is.All.EqualTo(("false", "SNT_NOT_FOUND")));
        Assert.That(await driver.HistoryAsync(driver.Seller, id), Is.EqualTo(new[] { "→IN_QUEUE", "IN_QUEUE→NOT_VIEWED" }), "nothing changed");
    }

    [Test]
    public async Task Should_show_the_buyer_a_waybill_only_once_it_is_registered()
    {
        // Arrange
        using var driver = await SntSoapDriver.StartAsync(SoapGateway.Fixture);
        var failing = Infrastructure.TestTenant.UniqueTin();
        var id = (await driver.UploadAcceptedAsync(driver.Body(b => b.Consignee.Tin = failing))).Single();

        // Act
        var failed = await driver.ProcessedAsync(id);
        var buyers = await driver.ByIdAsync("querySntById", driver.Buyer, id);

        // Assert
        Assert.That(failed.Element("status"), Is.EqualTo("FAILED"), failed.ToString());
        Assert.That(buyers.Elements("sntId"), Is.Empty, "a FAILED waybill has no buyer yet");
    }
}
