using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Esf.Domain.Waybills;
using Esf.Infrastructure.Xml;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using NUnit.Framework;

namespace Esf.Tests.Procurement;

/// <summary>
/// spec-rest §3.4 on real PostgreSQL: the supplier asks for the invoice on an approved act and a registered waybill of the
/// same contract, which registers once signed; a waybill citing another contract is refused (EGZ-07), and so is a second
/// invoice on the act (EGZ-03).
/// </summary>
[TestFixture]
public sealed class Issuing_invoices_on_an_act_and_a_waybill
{
    private const string ContractNum = "ГЗ-2026-77";

    private static GatewayFixture Fixture => ProcurementGateway.Fixture;

    [Test]
    public async Task Should_prefill_the_invoice_on_an_act_and_a_waybill_of_its_contract_that_registers_once_signed_and_refuse_others()
    {
        using var parties = await WaybillRestDriver.StartAsync(Fixture);
        var (waybill, waybillId) = await RegisterWaybillAsync(parties, ContractNum);
        var (_, otherId) = await RegisterWaybillAsync(parties, "ДРУГОЙ-1");
        var actNum = "АКТ-" + TestTenant.UniqueNum();
        var actId = await PostActAsync(waybill, actNum);

        using var otherContract = await parties.Seller.Http.PostAsync($"api/v1/egz/acts/{actId}/waybills/{otherId}/invoice", null);
        using var response = await parties.Seller.Http.PostAsync($"api/v1/egz/acts/{actId}/waybills/{waybillId}/invoice", null);
        var prefilled = await RestClient.ReadJsonAsync(response);
        var invoice = InvoiceXmlParser.Parse(prefilled.GetProperty("body").GetString()!);
        (invoice.Num, invoice.OperatorFullname) = (TestTenant.UniqueNum(), "Тестова Айгерим");
        var uploaded = (await parties.Seller.UploadAcceptedAsync(InvoiceXmlWriter.Write(invoice))).Single();
        var registered = await parties.Seller.WaitUntilProcessedAsync(uploaded);
        using var byBuyer = await parties.Buyer.Http.PostAsync($"api/v1/egz/acts/{actId}/waybills/{waybillId}/invoice", null);
        using var again = await parties.Seller.Http.PostAsync($"api/v1/egz/acts/{actId}/waybills/{waybillId}/invoice", null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), prefilled.ToString());
            Assert.That((invoice.DeliveryDocNum, invoice.DeliveryDocNum2), Is.EqualTo((waybill.RegistrationNumber, actNum)));
            Assert.That(registered.GetProperty("status").GetString(), Is.EqualTo("CREATED"), registered.ToString());
            var refusal = await ProblemAssertions.AssertProblemAsync(otherContract, HttpStatusCode.UnprocessableEntity);
            Assert.That(refusal.GetProperty("errorCode").GetString(), Is.EqualTo("EGP_WRONG_RELATIONS"));
            var second = await ProblemAssertions.AssertProblemAsync(again, HttpStatusCode.UnprocessableEntity);
            Assert.That(second.GetProperty("errorCode").GetString(), Is.EqualTo("EGP_AWP_INVOICE_PROHIBITED_MULTIPLE_INVOICE_CREATION"));
            Assert.That(byBuyer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "the act's customer sees it but only its supplier invoices it");
        }
    }

    private static async Task<(WaybillDocument Waybill, long Id)> RegisterWaybillAsync(WaybillRestDriver parties, string contractNum)
    {
        var body = parties.Body(b =>
        {
            b.ProductSet.Products = [b.ProductSet.Products[0]];
            (b.Contract.HasContract, b.Contract.Num, b.Contract.Date) = (true, contractNum, "01.10.2026");
        });
        var id = (await parties.UploadAcceptedAsync(body)).Single();
        var number = (await parties.ProcessedAsync(id)).GetProperty("registrationNumber").GetString();
        return (new WaybillDocument(WaybillXmlParser.Parse(body)) { RegistrationNumber = number }, id);
    }

    /// <summary>The act of the waybill's contract whose lines are those Table 28 gives from the waybill.</summary>
    private static async Task<long> PostActAsync(WaybillDocument waybill, string actNum)
    {
        var expected = InvoicePrefill.For(waybill, DateOnly.ParseExact(TestInvoices.Today, "dd.MM.yyyy", CultureInfo.InvariantCulture)).Body;
        using var portal = Fixture.CreateClient();
        portal.DefaultRequestHeaders.Add("X-Procurement-Key", ProcurementGateway.PortalKey);
        using var posted = await portal.PutAsJsonAsync("api/v1/egz/inbound/acts", new
        {
            number = actNum, date = new DateOnly(2026, 11, 1), contractNumber = ContractNum, contractDate = new DateOnly(2026, 10, 1),
            supplierTin = expected.Sellers[0].Tin, customerTin = expected.Customers[0].Tin, status = "APPROVED",
            items = expected.ProductSet.Products.Select(p => new
            {
                p.Description, p.UnitCode, Quantity = p.Quantity ?? 0, PriceWithoutTax = p.PriceWithoutTax ?? 0, PriceWithTax = p.PriceWithTax ?? 0,
            }),
        });
        return JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
    }
}
