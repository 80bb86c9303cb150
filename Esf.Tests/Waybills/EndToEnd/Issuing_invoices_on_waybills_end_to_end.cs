using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Esf.Domain.Waybills;
using Esf.Domain.Waybills.Document;
using Esf.Infrastructure.Sandbox;
using Esf.Infrastructure.Waybills;
using Esf.Infrastructure.Xml;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using Esf.Tests.Soap;
using Esf.Tests.Soap.Snt;
using NUnit.Framework;

namespace Esf.Tests.Waybills.EndToEnd;

/// <summary>
/// Issue 12's «Done when», on the shipped topology — real PostgreSQL and RabbitMQ, gateway and worker — with the waybills over
/// SntService and the invoices over UploadInvoiceService (SOAP), the pre-fill over REST: a primary waybill is registered and
/// confirmed; its pre-filled invoice (Table 28) registers, a mismatching one FAILS with its rule id; a return waybill yields an
/// additional invoice (Table 29) that registers; a declined waybill annuls its invoice after 3 working days, driven by the
/// seller's sandbox clock and the effect runner (nothing waits for time to pass). Non-parallel: every worker on the broker
/// competes for the same queue.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class Issuing_invoices_on_waybills_end_to_end
{
    private GatewayFixture fixture = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => fixture = await GatewayFixture.StartAsync(useRabbitMq: true);

    [OneTimeTearDown]
    public async Task StopAsync() => await fixture.DisposeAsync();

    [Test]
    public async Task Should_register_and_confirm_a_waybill_register_its_invoice_fail_a_mismatching_one_and_take_a_return()
    {
        // Arrange
        using var driver = await SntSoapDriver.StartAsync(fixture);
        using var seller = RestOf(driver.Seller);
        var primaryBody = PaperWaybill(driver);
        var primary = (await driver.UploadAcceptedAsync(primaryBody)).Single();
        var registered = await driver.ProcessedAsync(primary, TimeSpan.FromSeconds(60));

        // Act: the waybill
        var received = await driver.ChangeAsync("receiveSntById", driver.Buyer, primary);
        var confirmed = await driver.ChangeAsync("confirmSntById", driver.Buyer, primary);

        // Act: a mismatching invoice (32.2 is not the waybill's date), then the one Table 28 gives
        var table28 = await PrefillAsync(seller, primary);
        var mismatching = await UploadInvoiceAsync(driver, seller, table28.Body, b => b.DeliveryDocDate = "01.01.2020");
        var invoice = await UploadInvoiceAsync(driver, seller, table28.Body);

        // Act: the buyer returns part of the goods; the seller issues the additional invoice Table 29 gives
        var returnBody = ReturnOf(primaryBody, registered.Element("registrationNumber")!, driver);
        var returned = (await UploadAsAsync(driver, driver.Buyer, returnBody)).Single();
        var returnRegistered = await Poller.UntilAsync(() => driver.ByIdAsync("querySntStatusById", driver.Buyer, returned),
            r => r.Element("status") is "NOT_VIEWED" or "FAILED", $"return waybill {returned}", TimeSpan.FromSeconds(60));
        var table29 = await PrefillAsync(seller, returned);
        var additional = await UploadInvoiceAsync(driver, seller, table29.Body);

        // Assert
        Assert.That(WaybillRegistrationNumber.IsWellFormed(registered.Element("registrationNumber")), Is.True, registered.ToString());
        Assert.That((received.Element("status"), confirmed.Element("status")), Is.EqualTo(("DELIVERED", "CONFIRMED")), confirmed.ToString());
        Assert.That(table28.Table, Is.EqualTo("28"));
        Assert.That(mismatching.GetProperty("status").GetString(), Is.EqualTo("FAILED"), mismatching.ToString());
        Assert.That(RuleIds(mismatching), Is.EqualTo(new[] { "SNT-R056" }), mismatching.ToString());
        Assert.That(invoice.GetProperty("status").GetString(), Is.EqualTo("CREATED"), invoice.ToString());
        Assert.That(returnRegistered.Element("status"), Is.EqualTo("NOT_VIEWED"), returnRegistered.ToString());
        Assert.That((table29.Table, table29.InvoiceType), Is.EqualTo(("29", "ADDITIONAL_INVOICE")));
        Assert.That(additional.GetProperty("status").GetString(), Is.EqualTo("CREATED"), additional.ToString());
    }

    [Test]
    public async Task Should_annul_the_invoice_of_a_declined_waybill_only_once_three_working_days_have_passed()
    {
        // Arrange: a registered waybill and its registered invoice
        using var driver = await SntSoapDriver.StartAsync(fixture);
        using var seller = RestOf(driver.Seller);
        var waybill = (await driver.UploadAcceptedAsync(PaperWaybill(driver))).Single();
        await driver.ProcessedAsync(waybill, TimeSpan.FromSeconds(60));
        var invoice = await UploadInvoiceAsync(driver, seller, (await PrefillAsync(seller, waybill)).Body);
        var invoiceId = invoice.GetProperty("id").GetInt64();

        // Act: the buyer declines; the seller's world moves a day, then two weeks (at least 3 working days, holidays or not)
        var declined = await driver.ChangeAsync("declineSntById", driver.Buyer, waybill, "пересорт");
        var nextDay = await AfterDaysAsync(driver.Seller, seller, invoiceId, 1);
        var twoWeeksLater = await AfterDaysAsync(driver.Seller, seller, invoiceId, 14);

        // Assert
        Assert.That(invoice.GetProperty("status").GetString(), Is.EqualTo("CREATED"), invoice.ToString());
        Assert.That(declined.Element("status"), Is.EqualTo("DECLINED"), declined.ToString());
        Assert.That(nextDay, Is.EqualTo("CREATED"), "the 3 working days have not passed");
        Assert.That(twoWeeksLater, Is.EqualTo("CANCELED_BY_SNT_DECLINE"));
    }

    /// <summary>A primary waybill of one line of paper (section 1, origin 5: no customs or virtual-warehouse registry needed).</summary>
    private static string PaperWaybill(SntSoapDriver driver) => driver.Body(b => b.ProductSet.Products = [b.ProductSet.Products[0]]);

    /// <summary>
    /// The return of two of the primary's sheets: the buyer becomes the seller (the sides swapped, with consignor and consignee),
    /// naming the primary in relatedSnt.
    /// </summary>
    private static string ReturnOf(string primaryBody, string primaryNumber, SntSoapDriver driver)
    {
        var body = WaybillXmlParser.Parse(primaryBody);
        (body.Type, body.Num) = (WaybillTypeNames.Return, TestTenant.UniqueNum());
        body.RelatedWaybill = new RelatedWaybill { RegistrationNumber = primaryNumber, Date = body.Date };
        (body.Seller, body.Customer) = (body.Customer, body.Seller);
        (body.Consignor.Tin, body.Consignor.Name, body.Consignee.Tin, body.Consignee.Name) =
            (body.Consignee.Tin, body.Consignee.Name, body.Consignor.Tin, body.Consignor.Name);
        var paper = body.ProductSet.Products[0];
        (paper.Quantity, paper.PriceWithoutTax, paper.NdsAmount, paper.PriceWithTax) = (2m, 3701.00m, 444.12m, 4145.12m);
        Assert.That(body.Seller.Tin, Is.EqualTo(driver.Buyer.Tenant.SellerTin));
        return WaybillXmlWriter.Write(body);
    }

    private static async Task<long[]> UploadAsAsync(SntSoapDriver driver, SntParty party, string body)
    {
        var reply = await driver.UploadAsync(party, body);
        var ids = reply.Elements("id");
        Assert.That(ids, Has.Count.EqualTo(1), reply.ToString());
        return [.. ids.Select(id => long.Parse(id, CultureInfo.InvariantCulture))];
    }

    /// <summary>REST calls in the same session as the party's SOAP calls (one session serves both protocols).</summary>
    private RestClient RestOf(SntParty party)
    {
        var http = fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", party.SessionId);
        return new RestClient(http, party.Tenant);
    }

    private static async Task<PrefilledInvoice> PrefillAsync(RestClient client, long waybill)
    {
        using var response = await client.Http.PostAsync($"api/v1/snt/{waybill}/invoice", null);
        var json = await RestClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToString());
        return json.Deserialize<PrefilledInvoice>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    /// <summary>Completes the pre-filled body (number, operator), signs it, uploads it over syncInvoice and waits for its verdict.</summary>
    private static async Task<JsonElement> UploadInvoiceAsync(
        SntSoapDriver driver, RestClient seller, string prefilled, Action<Esf.Domain.Invoices.Document.InvoiceBody>? change = null)
    {
        var body = InvoiceXmlParser.Parse(prefilled);
        (body.Num, body.OperatorFullname) = (TestTenant.UniqueNum(), "Тестова Айгерим");
        change?.Invoke(body);
        var text = InvoiceXmlWriter.Write(body);
        var reply = await driver.Client.PostAsync("UploadInvoiceService", Envelopes.SyncInvoice(
            driver.Seller.SessionId, driver.Seller.Tenant.CertificateBase64, Envelopes.EscapedUploadInfo(text, driver.Seller.Tenant.Sign(text))));
        var id = reply.Elements("id");
        Assert.That(id, Has.Count.EqualTo(1), reply.ToString());
        return await seller.WaitUntilProcessedAsync(long.Parse(id[0], CultureInfo.InvariantCulture));
    }

    /// <summary>Moves the seller's world <paramref name="days"/> ahead, runs the effect runner once, and answers the invoice's status.</summary>
    private async Task<string?> AfterDaysAsync(SntParty party, RestClient seller, long invoice, int days)
    {
        fixture.Get<SandboxClock>().Set(party.Tenant.SellerTin, TimeSpan.FromDays(days));
        await fixture.Create<WaybillEffectRunner>().RunOnceAsync(CancellationToken.None);
        using var response = await seller.Http.GetAsync($"api/v1/invoices/{invoice}/status");
        return (await RestClient.ReadJsonAsync(response)).GetProperty("status").GetString();
    }

    private static IEnumerable<string?> RuleIds(JsonElement status) =>
        status.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("ruleId").GetString()).Distinct();
}
