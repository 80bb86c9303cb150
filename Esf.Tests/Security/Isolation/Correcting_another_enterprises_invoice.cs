using Dapper;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Invoices;
using Esf.Tests.Infrastructure;
using Esf.Tests.Pipeline;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Security.Isolation;

/// <summary>
/// C1 (security review): a corrected invoice annuls its original, so who may name which original is a question of tenant
/// isolation. A correction may name a reorganized seller (field 6.1) only when the registry vouches for the pair; otherwise
/// the original must be the corrected invoice's own seller's.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class Correcting_another_enterprises_invoice
{
    private static GatewayFixture Gateway => IsolationGateway.Fixture;

    [TestCase(true, TestName = "Should_fail_a_correction_that_names_the_victim_as_reorganized_seller_by_registration_number")]
    [TestCase(false, TestName = "Should_fail_a_correction_that_names_the_victim_as_reorganized_seller_by_number_and_date")]
    public async Task Should_keep_the_victims_invoice_registered_when_another_enterprise_corrects_it(bool byRegistrationNumber)
    {
        // Arrange: X registered an invoice; Y corrects it under Y's own ИИН/БИН, signed with Y's own valid key, naming X in 6.1.
        var victim = await PipelineDriver.StartAsync(Gateway);
        var attacker = await PipelineDriver.StartAsync(Gateway);
        var original = await RegisterAsync(victim, TestInvoices.Build(victim.Tenant));
        var forged = TestInvoices.WithReorganizedSeller(
            TestInvoices.Linked(TestInvoices.Build(TestTenant.UniqueNum(), TestInvoices.Today, attacker.Tenant.SellerTin, victim.Tenant.CustomerTin),
                "FIXED_INVOICE", original.Num, original.DateText, byRegistrationNumber ? original.RegistrationNumber : null),
            victim.Tenant.SellerTin);

        // Act
        var correction = await RegisterAsync(attacker, forged);

        // Assert
        var errors = await ErrorIdsAsync(attacker, correction);
        var after = (await Gateway.Get<InvoiceQueries>().GetByIdsAsync(victim.Session, [original.InvoiceId], CancellationToken.None)).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(correction.Status, Is.EqualTo(InvoiceStatus.Failed));
            Assert.That(errors, Does.Contain("REO-01").And.Contain("COR-01"), "6.1 is no predecessor of Y, and X's invoice is not Y's");
            Assert.That(after.Status, Is.EqualTo(InvoiceStatus.Created), "the victim's invoice is untouched");
        }

        AttackLog.Record("Document integrity", $"Correct (FIXED_INVOICE) another enterprise's registered invoice, naming it in field 6.1 " +
            $"(reorganizedTin), linked by {(byRegistrationNumber ? "registration number" : "number and date")}",
            "FAILED with REO-01 INVALID_SELLER_REORGANIZATION_TIN and COR-01 RELATED_INVOICE_NOT_FOUND; the original stays CREATED");
    }

    [Test]
    public async Task Should_fail_a_correction_of_another_sellers_invoice_without_field_6_1()
    {
        // Arrange
        var victim = await PipelineDriver.StartAsync(Gateway);
        var attacker = await PipelineDriver.StartAsync(Gateway);
        var original = await RegisterAsync(victim, TestInvoices.Build(victim.Tenant));
        var forged = TestInvoices.Linked(TestInvoices.Build(TestTenant.UniqueNum(), TestInvoices.Today, attacker.Tenant.SellerTin, victim.Tenant.CustomerTin),
            "FIXED_INVOICE", original.Num, original.DateText, original.RegistrationNumber);

        // Act
        var correction = await RegisterAsync(attacker, forged);

        // Assert
        var after = (await Gateway.Get<InvoiceQueries>().GetByIdsAsync(victim.Session, [original.InvoiceId], CancellationToken.None)).Single();
        Assert.That((correction.Status, after.Status), Is.EqualTo((InvoiceStatus.Failed, InvoiceStatus.Created)));
        Assert.That(await ErrorIdsAsync(attacker, correction), Is.EqualTo(new[] { "COR-01" }));
        AttackLog.Record("Document integrity", "Correct another enterprise's registered invoice by its registration number, as seller",
            "FAILED with COR-01 RELATED_INVOICE_NOT_FOUND (the original is looked up among the corrector's own invoices only)");
    }

    [Test]
    public async Task Should_correct_a_liquidated_branchs_invoice_by_the_branch_it_delegated_to()
    {
        // Arrange: the branch L registered an invoice, was liquidated, and the registry delegates its invoices to Y.
        var branch = await PipelineDriver.StartAsync(Gateway);
        var delegate_ = await PipelineDriver.StartAsync(Gateway);
        var original = await RegisterAsync(branch, TestInvoices.Build(branch.Tenant));
        await ExecuteAsync("""
            INSERT INTO branch_delegations (liquidated_tin, delegate_tin, head_office_tin, valid_from, valid_to)
            VALUES (@Branch, @Delegate, @Delegate, current_date - 30, current_date + 30)
            """, new { Branch = branch.Tenant.SellerTin, Delegate = delegate_.Tenant.SellerTin });
        var correction = TestInvoices.WithReorganizedSeller(
            TestInvoices.Linked(TestInvoices.Build(TestTenant.UniqueNum(), TestInvoices.Today, delegate_.Tenant.SellerTin, branch.Tenant.CustomerTin),
                "FIXED_INVOICE", original.Num, original.DateText, original.RegistrationNumber),
            branch.Tenant.SellerTin);

        // Act
        var registered = await RegisterAsync(delegate_, correction);

        // Assert
        var after = (await Gateway.Get<InvoiceQueries>().GetByIdsAsync(branch.Session, [original.InvoiceId], CancellationToken.None)).Single();
        Assert.That(registered.Status, Is.EqualTo(InvoiceStatus.Created), string.Join(", ", await ErrorIdsAsync(delegate_, registered)));
        Assert.That(after.Status, Is.EqualTo(InvoiceStatus.Canceled));
    }

    [Test]
    public async Task Should_register_a_return_by_the_successor_of_a_reorganized_seller_against_its_invoice()
    {
        // Arrange: X registered an invoice, then was reorganized into Y (taxpayer_successors).
        var reorganized = await PipelineDriver.StartAsync(Gateway);
        var successor = await PipelineDriver.StartAsync(Gateway);
        var original = await RegisterAsync(reorganized, TestInvoices.Build(reorganized.Tenant));
        await ExecuteAsync("INSERT INTO taxpayer_successors (reorganized_tin, successor_tin, kind) VALUES (@From, @To, 'MERGER')",
            new { From = reorganized.Tenant.SellerTin, To = successor.Tenant.SellerTin });
        var additional = TestInvoices.FullReturn(TestInvoices.WithReorganizedSeller(
            TestInvoices.Linked(TestInvoices.Build(TestTenant.UniqueNum(), TestInvoices.Today, successor.Tenant.SellerTin, reorganized.Tenant.CustomerTin),
                "ADDITIONAL_INVOICE", original.Num, original.DateText),
            reorganized.Tenant.SellerTin));

        // Act
        var registered = await RegisterAsync(successor, additional);

        // Assert
        Assert.That(registered.Status, Is.EqualTo(InvoiceStatus.Created), string.Join(", ", await ErrorIdsAsync(successor, registered)));
    }

    [Test]
    public async Task Should_annul_the_original_of_a_correction_whose_field_6_1_holds_only_spaces()
    {
        // Arrange: an empty-looking 6.1 is no reorganized seller, for the rules and for the annulment alike.
        var seller = await PipelineDriver.StartAsync(Gateway);
        var original = await RegisterAsync(seller, TestInvoices.Build(seller.Tenant));
        var correction = TestInvoices.WithReorganizedSeller(
            TestInvoices.Linked(TestInvoices.Build(seller.Tenant), "FIXED_INVOICE", original.Num, original.DateText), "  ");

        // Act
        var registered = await RegisterAsync(seller, correction);

        // Assert
        var after = (await Gateway.Get<InvoiceQueries>().GetByIdsAsync(seller.Session, [original.InvoiceId], CancellationToken.None)).Single();
        Assert.That(registered.Status, Is.EqualTo(InvoiceStatus.Created), string.Join(", ", await ErrorIdsAsync(seller, registered)));
        Assert.That(after.Status, Is.EqualTo(InvoiceStatus.Canceled), "a registered correction always annuls its original");
    }

    private static async Task<InvoiceRecord> RegisterAsync(PipelineDriver driver, string body)
    {
        var upload = await driver.UploadAsync(driver.Item(body));
        Assert.That(upload.Declined, Is.Empty, string.Join("; ", upload.Declined.SelectMany(d => d.Errors).Select(e => $"{e.RuleId} {e.Message}")));
        return await driver.FinishedAsync(upload.Accepted[0].InvoiceId!.Value);
    }

    private static async Task<IReadOnlyList<string>> ErrorIdsAsync(PipelineDriver driver, InvoiceRecord invoice) =>
        invoice.Status == InvoiceStatus.Failed ? [.. (await driver.ErrorsAsync(invoice.InvoiceId)).Select(e => e.RuleId)] : [];

    private static async Task ExecuteAsync(string sql, object parameters)
    {
        await using var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        await connection.ExecuteAsync(sql, parameters);
    }
}
