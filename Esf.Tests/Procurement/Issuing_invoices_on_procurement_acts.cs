using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Xml;
using Esf.Tests.Infrastructure;
using Esf.Tests.Lifecycle;
using Esf.Tests.Pipeline;
using NUnit.Framework;

namespace Esf.Tests.Procurement;

/// <summary>
/// The procurement portal posts an act with its system key; the supplier gets the pre-fill and issues the invoice on it; a
/// changed locked field fails with EGZ-02, a refused act with EGZ-01, a second invoice on the act with EGZ-03 until the first
/// is revoked; an invoice on a contract keeps its locked fields (EGZ-06) and gives way to an approved act (EGZ-05); another enterprise sees nothing.
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
        // The failing one first: a failed invoice is not in force, so the act stays free for the one that keeps it (EGZ-03).
        var changed = await RegisterAsync(supplier, body.Replace("Доставка по городу", "Доставка по области", StringComparison.Ordinal), renumber: "9");
        var kept = await RegisterAsync(supplier, body);

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

    [Test]
    public async Task Should_fail_a_second_invoice_on_an_act_until_the_first_is_revoked()
    {
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        var supplier = parties.Seller;
        var actNum = "АКТ-" + TestTenant.UniqueNum();
        var body = OnAct(TestInvoices.Build(supplier.Tenant), actNum);
        var actId = await PostAsync("acts", Act(body, actNum, "APPROVED"));

        var first = await RegisterAsync(supplier, body);
        var second = await RegisterAsync(supplier, body, renumber: "8");
        using var prefillWhileInForce = await Client(supplier).PostAsync($"api/v1/egz/acts/{actId}/invoice", null);
        var revoked = (await parties.ChangeAsync(parties.SellerSession, LifecycleOperation.Revoke, first.Id)).Single();
        var afterRevocation = await RegisterAsync(supplier, body, renumber: "7");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Status, Is.EqualTo(InvoiceStatus.Created), string.Join("; ", first.Errors));
            Assert.That(second.Errors.Select(e => e.RuleId), Is.EqualTo(new[] { "EGZ-03" }));
            Assert.That((prefillWhileInForce.StatusCode, (await JsonAsync(prefillWhileInForce)).GetProperty("errorCode").GetString()),
                Is.EqualTo((HttpStatusCode.UnprocessableEntity, "EGP_AWP_INVOICE_PROHIBITED_MULTIPLE_INVOICE_CREATION")));
            Assert.That(revoked.IsChanged, Is.True, revoked.Message);
            Assert.That(afterRevocation.Status, Is.EqualTo(InvoiceStatus.Created), string.Join("; ", afterRevocation.Errors));
        }
    }

    [Test]
    public async Task Should_register_an_invoice_that_keeps_the_contract_until_an_act_of_it_is_approved()
    {
        var supplier = await PipelineDriver.StartAsync(Fixture);
        var contract = OnContract(TestInvoices.Build(supplier.Tenant));
        await PostAsync("contracts", Act(contract, ContractNum, "ACTIVE"));

        var onContract = await RegisterAsync(supplier, contract);
        var descriptionChanged = await RegisterAsync(
            supplier, contract.Replace("Доставка по городу", "Доставка по области", StringComparison.Ordinal), renumber: "8");
        await PostAsync("acts", Act(contract, "АКТ-" + TestTenant.UniqueNum(), "APPROVED"));
        var afterTheAct = await RegisterAsync(supplier, contract, renumber: "7");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(onContract.Status, Is.EqualTo(InvoiceStatus.Created), string.Join("; ", onContract.Errors));
            Assert.That(descriptionChanged.Errors.Select(e => e.RuleId), Is.EqualTo(new[] { "EGZ-06" }));
            Assert.That(afterTheAct.Errors.Select(e => e.RuleId), Is.EqualTo(new[] { "EGZ-05" }));
        }
    }

    private static async Task<long> PostAsync(string kind, object document)
    {
        using var portal = Fixture.CreateClient();
        portal.DefaultRequestHeaders.Add("X-Procurement-Key", ProcurementGateway.PortalKey);
        using var posted = await portal.PutAsJsonAsync($"api/v1/egz/inbound/{kind}", document);
        return (await JsonAsync(posted)).GetProperty("id").GetInt64();
    }

    /// <summary>The test invoice on the contract (deliveryTerm), naming no act.</summary>
    private static string OnContract(string body) => body.Replace("</customers>",
        $"</customers><deliveryTerm><contractDate>{ContractDate}</contractDate><contractNum>{ContractNum}</contractNum><hasContract>true</hasContract></deliveryTerm>",
        StringComparison.Ordinal);

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

    /// <param name="renumber">A digit put before the invoice's number, so the same body registers again under another number.</param>
    private static async Task<(long Id, InvoiceStatus Status, IReadOnlyList<Esf.Domain.Rules.RuleViolation> Errors)> RegisterAsync(
        PipelineDriver supplier, string body, string? renumber = null)
    {
        var result = await supplier.UploadAsync(supplier.Item(renumber is null ? body : body.Replace("<num>", "<num>" + renumber, StringComparison.Ordinal)));
        var id = result.Accepted.Single().InvoiceId!.Value;
        var record = await supplier.FinishedAsync(id);
        return (id, record.Status, await supplier.ErrorsAsync(id));
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
