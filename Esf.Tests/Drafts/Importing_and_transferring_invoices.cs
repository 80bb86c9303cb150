using System.Net;
using System.Text.Json;
using Esf.Domain.Invoices;
using Esf.Infrastructure;
using Esf.Infrastructure.Imports;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Messaging;
using Esf.Infrastructure.Participants;
using Esf.Infrastructure.Registration;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Signatures;
using Esf.Infrastructure.Warehouse;
using Esf.Tests.Infrastructure;
using Esf.Tests.Pipeline;
using Esf.Tests.Registry;
using Microsoft.Extensions.Options;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Drafts;

/// <summary>
/// Issue 14 item 2: an import is checked at once and kept IMPORTED, hidden from the customer; its transfer signs it and runs the
/// time-dependent rules again on the day of the transfer.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class Importing_and_transferring_invoices
{
    private static GatewayFixture Gateway => DraftsGateway.Fixture;

    [Test]
    public async Task Should_hide_an_imported_invoice_from_the_customer_until_it_is_transferred()
    {
        // Arrange
        using var seller = await RegistryHttp.LogInAsync(Gateway);
        using var customer = await RegistryHttp.LogInAsync(Gateway);
        var body = TestInvoices.Build(TestTenant.UniqueNum(), TestInvoices.Today, seller.Tenant.SellerTin, customer.Tenant.SellerTin);

        // Act
        var (imported, import) = await seller.PostAsync("api/v1/invoices/import", new { invoices = new[] { new { body } } });
        var id = import.GetProperty("accepted")[0].GetProperty("id").GetInt64();
        var (_, kept) = await seller.SendAsync(HttpMethod.Get, $"api/v1/invoices/{id}/status");
        var (hidden, _) = await customer.SendAsync(HttpMethod.Get, $"api/v1/invoices/{id}");
        var (sellerFeed, customerFeed) = (await FeedInvoiceIdsAsync(seller), await FeedInvoiceIdsAsync(customer));
        var (transferred, transfer) = await seller.PostAsync("api/v1/invoices/transfer",
            new { certificate = seller.Tenant.CertificateBase64, invoices = new[] { new { id, signature = seller.Tenant.Sign(body) } } });
        var verdict = await seller.VerdictAsync(id);
        var (shown, _) = await customer.SendAsync(HttpMethod.Get, $"api/v1/invoices/{id}");
        var (_, history) = await seller.SendAsync(HttpMethod.Get, $"api/v1/invoices/{id}/history");
        var (again, refusal) = await seller.PostAsync("api/v1/invoices/transfer",
            new { certificate = seller.Tenant.CertificateBase64, invoices = new[] { new { id, signature = seller.Tenant.Sign(body) } } });

        // Assert
        Assert.That(imported, Is.EqualTo(HttpStatusCode.OK), import.ToString());
        Assert.That(kept!.Value.GetProperty("status").GetString(), Is.EqualTo("IMPORTED"));
        Assert.That(hidden, Is.EqualTo(HttpStatusCode.NotFound), "the customer does not see an imported invoice");
        Assert.That(sellerFeed, Does.Contain(id), "the import is a change of the seller's feed");
        Assert.That(customerFeed, Does.Not.Contain(id));
        Assert.That(transferred, Is.EqualTo(HttpStatusCode.Accepted), transfer.ToString());
        Assert.That(verdict.GetProperty("status").GetString(), Is.EqualTo("CREATED"), verdict.ToString());
        Assert.That(shown, Is.EqualTo(HttpStatusCode.OK), "transferred and registered: delivered to the customer");
        Assert.That(history!.Value.EnumerateArray().Select(h => h.GetProperty("status").GetString()),
            Is.EqualTo(new[] { "IMPORTED", "IN_QUEUE", "CREATED" }));
        Assert.That(again, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(refusal.GetProperty("errorCode").GetString(), Is.EqualTo("INVOICE_NOT_IMPORTED"));
    }

    /// <summary>
    /// ADR 0035: the seller deletes an imported invoice it will not transfer (IMPORTED → DELETED, signed, with its history row);
    /// the customer and any other enterprise are answered as if it did not exist, and a deleted import is never transferred.
    /// </summary>
    [Test]
    public async Task Should_let_only_the_seller_delete_an_imported_invoice_before_it_is_transferred()
    {
        using var seller = await RegistryHttp.LogInAsync(Gateway);
        using var customer = await RegistryHttp.LogInAsync(Gateway);
        using var other = await RegistryHttp.LogInAsync(Gateway);
        var body = TestInvoices.Build(TestTenant.UniqueNum(), TestInvoices.Today, seller.Tenant.SellerTin, customer.Tenant.SellerTin);
        var (_, import) = await seller.PostAsync("api/v1/invoices/import", new { invoices = new[] { new { body } } });
        var id = import.GetProperty("accepted")[0].GetProperty("id").GetInt64();
        object Deletion(RegistryHttp by) => new { signature = by.Tenant.Sign(id.ToString(System.Globalization.CultureInfo.InvariantCulture)), certificate = by.Tenant.CertificateBase64 };

        var (byCustomer, _) = await customer.PostAsync($"api/v1/invoices/{id}/delete", Deletion(customer));
        var (byOther, _) = await other.PostAsync($"api/v1/invoices/{id}/delete", Deletion(other));
        var (deleted, summary) = await seller.PostAsync($"api/v1/invoices/{id}/delete", Deletion(seller));
        var (_, history) = await seller.SendAsync(HttpMethod.Get, $"api/v1/invoices/{id}/history");
        var (transfer, refusal) = await seller.PostAsync("api/v1/invoices/transfer",
            new { certificate = seller.Tenant.CertificateBase64, invoices = new[] { new { id, signature = seller.Tenant.Sign(body) } } });
        var (again, _) = await seller.PostAsync($"api/v1/invoices/{id}/delete", Deletion(seller));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((byCustomer, byOther), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.NotFound)));
            Assert.That(deleted, Is.EqualTo(HttpStatusCode.OK), summary.ToString());
            Assert.That(summary.GetProperty("status").GetString(), Is.EqualTo("DELETED"));
            Assert.That(history!.Value.EnumerateArray().Select(h => h.GetProperty("status").GetString()), Is.EqualTo(new[] { "IMPORTED", "DELETED" }));
            Assert.That((transfer, refusal.GetProperty("errorCode").GetString()), Is.EqualTo((HttpStatusCode.Conflict, "INVOICE_NOT_IMPORTED")));
            Assert.That(again, Is.EqualTo(HttpStatusCode.Conflict), "a deleted invoice stays deleted");
        }
    }

    [Test]
    public async Task Should_decline_an_import_that_fails_the_control_and_store_nothing()
    {
        using var seller = await RegistryHttp.LogInAsync(Gateway);
        var body = TestInvoices.Build(seller.Tenant).Replace($"<tin>{seller.Tenant.CustomerTin}</tin>", "<tin>999999999999</tin>", StringComparison.Ordinal);

        var (status, import) = await seller.PostAsync("api/v1/invoices/import", new { invoices = new[] { new { body } } });

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), import.ToString());
        Assert.That(import.GetProperty("accepted").GetArrayLength(), Is.Zero);
        var errors = import.GetProperty("declined")[0].GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("ruleId").GetString());
        Assert.That(errors, Has.Member("C-02"), "the registry rules run at import");
    }

    [Test]
    public async Task Should_import_once_when_a_client_repeats_the_request_with_its_idempotency_key()
    {
        using var seller = await RegistryHttp.LogInAsync(Gateway);
        var body = TestInvoices.Build(seller.Tenant);
        seller.Http.DefaultRequestHeaders.Add("Idempotency-Key", $"import-{TestTenant.UniqueNum()}");

        var (_, first) = await seller.PostAsync("api/v1/invoices/import", new { invoices = new[] { new { body } } });
        var (status, repeat) = await seller.PostAsync("api/v1/invoices/import", new { invoices = new[] { new { body } } });

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), repeat.ToString());
        Assert.That(repeat.GetProperty("accepted")[0].GetProperty("id").GetInt64(), Is.EqualTo(first.GetProperty("accepted")[0].GetProperty("id").GetInt64()));
    }

    [Test]
    public async Task Should_answer_another_enterprise_transferring_an_import_as_if_it_did_not_exist()
    {
        using var seller = await RegistryHttp.LogInAsync(Gateway);
        using var other = await RegistryHttp.LogInAsync(Gateway);
        var body = TestInvoices.Build(seller.Tenant);
        var (_, import) = await seller.PostAsync("api/v1/invoices/import", new { invoices = new[] { new { body } } });
        var id = import.GetProperty("accepted")[0].GetProperty("id").GetInt64();

        var (status, problem) = await other.PostAsync("api/v1/invoices/transfer",
            new { certificate = other.Tenant.CertificateBase64, invoices = new[] { new { id, signature = other.Tenant.Sign(body) } } });
        var (_, kept) = await seller.SendAsync(HttpMethod.Get, $"api/v1/invoices/{id}/status");

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound), problem.ToString());
        Assert.That(kept!.Value.GetProperty("status").GetString(), Is.EqualTo("IMPORTED"));
    }

    /// <summary>
    /// An attorney imports its principal's invoice while its power of attorney (two days from today) holds: UPL-01 passes. The
    /// transfer is judged on its own day: within the power it is queued, after it the same rule declines it and it stays IMPORTED.
    /// </summary>
    [TestCase(1, TestName = "Should_queue_a_transfer_made_while_the_power_of_attorney_still_holds")]
    [TestCase(5, TestName = "Should_decline_a_transfer_made_after_the_power_of_attorney_ended")]
    public async Task Should_judge_the_transfer_on_its_own_day(int transferDaysAfterImport)
    {
        // Arrange
        var principal = await PipelineDriver.StartAsync(Gateway);
        var attorneyFirm = await PipelineDriver.StartAsync(Gateway);
        var today = ControlledClock.KazakhstanToday;
        await Gateway.Get<PowersOfAttorney>().GrantAsync(principal.Session, attorneyFirm.Tenant.UserIin, today, today.AddDays(1), CancellationToken.None);
        var body = TestInvoices.Build(principal.Tenant);
        var import = await ImportsAt(today).ImportAsync(attorneyFirm.Session, [new ImportItem(body, "OPERATOR")], null, CancellationToken.None);
        var id = import.Accepted.Single().InvoiceId!.Value;

        // Act
        var transfer = await ImportsAt(today.AddDays(transferDaysAfterImport)).TransferAsync(attorneyFirm.Session,
            [new TransferItem(id, attorneyFirm.Tenant.Sign(body), "OPERATOR")], attorneyFirm.Tenant.CertificateBase64, null, CancellationToken.None);

        // Assert
        var withinPower = transferDaysAfterImport <= 1;
        Assert.That(transfer.Accepted.Select(a => a.InvoiceId), Is.EqualTo(withinPower ? new long?[] { id } : []));
        Assert.That(transfer.Declined.SelectMany(d => d.Errors).Select(e => e.RuleId), Is.EqualTo(withinPower ? [] : new[] { "UPL-01" }));
        var stored = await Gateway.Get<InvoiceQueries>().GetByIdsAsync(attorneyFirm.Session, [id], CancellationToken.None);
        // Within the power the shared worker may already have registered it; a declined transfer leaves it as imported.
        Assert.That(stored.Single().Status, withinPower ? Is.AnyOf(InvoiceStatus.InQueue, InvoiceStatus.Created) : Is.EqualTo(InvoiceStatus.Imported));
    }

    private static InvoiceImports ImportsAt(DateOnly day)
    {
        var clock = ControlledClock.At(day);
        var database = Gateway.Get<NpgsqlDataSource>();
        var certificates = Gateway.Get<ParsedCertificates>();
        var uploader = new InvoiceUploader(
            database, Gateway.Get<UploadPublisher>(), Gateway.Get<IOptions<EsfOptions>>(), Gateway.Get<IOptions<QuotaOptions>>(), clock, certificates);
        return new InvoiceImports(database, uploader, new InvoiceValidator(database, clock, Gateway.Get<CertificateValidator>(), certificates, Gateway.Get<WarehouseDryRun>()), clock);
    }

    private static async Task<IReadOnlyList<long>> FeedInvoiceIdsAsync(RegistryHttp client)
    {
        var (_, page) = await client.SendAsync(HttpMethod.Get, "api/v1/updates?limit=1000");
        return [.. page!.Value.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("invoiceId").GetInt64())];
    }
}
