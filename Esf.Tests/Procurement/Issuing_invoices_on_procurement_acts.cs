using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Xml;
using Esf.Tests.Infrastructure;
using Esf.Tests.Pipeline;
using NUnit.Framework;

namespace Esf.Tests.Procurement;

/// <summary>
/// The procurement portal posts an act with its system key; the supplier gets the pre-fill and issues the invoice on it; a
/// changed locked field fails with EGZ-02, a refused act with EGZ-01; another enterprise sees nothing.
/// </summary>
[TestFixture]
public sealed class Issuing_invoices_on_procurement_acts
{
    private const string ContractNum = "ГЗ-2026-55";
    private const string ContractDate = "01.10.2026";

    private static GatewayFixture Fixture => ProcurementGateway.Fixture;

    [Test]
    public async Task Should_register_the_invoice_that_keeps_the_act_and_fail_one_that_changes_a_locked_field()
    {
        var supplier = await PipelineDriver.StartAsync(Fixture);
        var actNum = "АКТ-" + TestTenant.UniqueNum();
        var body = OnAct(TestInvoices.Build(supplier.Tenant), actNum);
        using var portal = Fixture.CreateClient();

        using var unauthenticated = await portal.PutAsJsonAsync("api/v1/egz/inbound/acts", Act(body, actNum, "APPROVED"));
        portal.DefaultRequestHeaders.Add("X-Procurement-Key", ProcurementGateway.PortalKey);
        using var posted = await portal.PutAsJsonAsync("api/v1/egz/inbound/acts", Act(body, actNum, "APPROVED"));
        var actId = (await JsonAsync(posted)).GetProperty("id").GetInt64();
        using var prefill = await Client(supplier).PostAsync($"api/v1/egz/acts/{actId}/invoice", null);
        var kept = await RegisterAsync(supplier, body);
        var changed = await RegisterAsync(supplier, body.Replace("Доставка по городу", "Доставка по области", StringComparison.Ordinal), renumber: true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(unauthenticated.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(prefill.StatusCode, Is.EqualTo(HttpStatusCode.OK), await prefill.Content.ReadAsStringAsync());
            Assert.That((await JsonAsync(prefill)).GetProperty("deliveryDocNum").GetString(), Is.EqualTo(actNum));
            Assert.That(kept.Status, Is.EqualTo(InvoiceStatus.Created), string.Join("; ", kept.Errors));
            Assert.That(changed.Status, Is.EqualTo(InvoiceStatus.Failed));
            Assert.That(changed.Errors.Select(e => e.RuleId), Is.EqualTo(new[] { "EGZ-02" }));
        }
    }

    [Test]
    public async Task Should_refuse_a_refused_act_and_hide_the_act_from_another_enterprise()
    {
        var supplier = await PipelineDriver.StartAsync(Fixture);
        var stranger = await PipelineDriver.StartAsync(Fixture);
        var actNum = "АКТ-" + TestTenant.UniqueNum();
        var body = OnAct(TestInvoices.Build(supplier.Tenant), actNum);
        using var portal = Fixture.CreateClient();
        portal.DefaultRequestHeaders.Add("X-Procurement-Key", ProcurementGateway.PortalKey);

        using var posted = await portal.PutAsJsonAsync("api/v1/egz/inbound/acts", Act(body, actNum, "ACCEPTANCE_REFUSED"));
        var actId = (await JsonAsync(posted)).GetProperty("id").GetInt64();
        using var prefill = await Client(supplier).PostAsync($"api/v1/egz/acts/{actId}/invoice", null);
        using var byStranger = await Client(stranger).PostAsync($"api/v1/egz/acts/{actId}/invoice", null);
        var refused = await RegisterAsync(supplier, body);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((prefill.StatusCode, (await JsonAsync(prefill)).GetProperty("errorCode").GetString()),
                Is.EqualTo((HttpStatusCode.UnprocessableEntity, "EGP_AWP_STATUS_NOT_VALID")));
            Assert.That(byStranger.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(refused.Errors.Select(e => e.RuleId), Is.EqualTo(new[] { "EGZ-01" }));
        }
    }

    /// <summary>The test invoice naming the act (32.1) and the contract (deliveryTerm).</summary>
    private static string OnAct(string body, string actNum) => body.Replace("</customers>",
        $"</customers><deliveryDocDate>{TestInvoices.Today}</deliveryDocDate><deliveryDocNum>{actNum}</deliveryDocNum>" +
        $"<deliveryTerm><contractDate>{ContractDate}</contractDate><contractNum>{ContractNum}</contractNum><hasContract>true</hasContract></deliveryTerm>",
        StringComparison.Ordinal);

    /// <summary>The act the portal posts: what the invoice body holds.</summary>
    private static object Act(string body, string actNum, string status)
    {
        var parsed = InvoiceXmlParser.Parse(body);
        return new
        {
            number = actNum, date = DateOnly.ParseExact(TestInvoices.Today, "dd.MM.yyyy", CultureInfo.InvariantCulture), contractNumber = ContractNum,
            contractDate = new DateOnly(2026, 10, 1), supplierTin = parsed.Sellers[0].Tin, customerTin = parsed.Customers[0].Tin, status,
            items = parsed.ProductSet.Products.Select(p => new
            {
                p.Description, p.UnitCode, Quantity = p.Quantity ?? 0, PriceWithoutTax = p.PriceWithoutTax ?? 0, PriceWithTax = p.PriceWithTax ?? 0,
            }),
        };
    }

    private static async Task<(InvoiceStatus Status, IReadOnlyList<Esf.Domain.Rules.RuleViolation> Errors)> RegisterAsync(
        PipelineDriver supplier, string body, bool renumber = false)
    {
        var result = await supplier.UploadAsync(supplier.Item(renumber ? body.Replace("<num>", "<num>9", StringComparison.Ordinal) : body));
        var id = result.Accepted.Single().InvoiceId!.Value;
        var record = await supplier.FinishedAsync(id);
        return (record.Status, await supplier.ErrorsAsync(id));
    }

    private static HttpClient Client(PipelineDriver driver)
    {
        var http = Fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", driver.Session.SessionId);
        return http;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
