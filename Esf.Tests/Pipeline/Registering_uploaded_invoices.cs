using Esf.Domain.Invoices;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Signatures;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Pipeline;

/// <summary>Upload → IN_QUEUE → worker → CREATED or FAILED, on the real PostgreSQL with the in-memory transport.</summary>
[TestFixture]
public sealed class Registering_uploaded_invoices
{
    private static GatewayFixture Fixture => PipelineGateway.Fixture;

    [Test]
    public async Task Should_register_a_valid_invoice_with_a_registration_number()
    {
        var driver = await PipelineDriver.StartAsync(Fixture);

        var upload = await driver.UploadAsync(driver.Item(TestInvoices.Build(driver.Tenant)));
        var invoice = await driver.FinishedAsync(upload.Accepted.Single().InvoiceId!.Value);

        Assert.That(upload.Declined, Is.Empty);
        Assert.That(invoice.Status, Is.EqualTo(InvoiceStatus.Created));
        Assert.That(invoice.RegistrationNumber, Does.Match($@"^ESF-{driver.Tenant.SellerTin}-\d{{8}}-\d{{8}}$"));
        Assert.That(invoice.SignatureValid, Is.True);
        Assert.That(invoice.InvoiceId.ToString(), Has.Length.EqualTo(17));
    }

    [Test]
    public async Task Should_fail_a_second_invoice_with_the_same_number_and_date_with_rule_A02()
    {
        var driver = await PipelineDriver.StartAsync(Fixture);
        var body = TestInvoices.Build(driver.Tenant);
        var first = await driver.UploadAsync(driver.Item(body));
        await driver.FinishedAsync(first.Accepted[0].InvoiceId!.Value);

        var second = await driver.UploadAsync(driver.Item(body));
        var invoice = await driver.FinishedAsync(second.Accepted[0].InvoiceId!.Value);
        var errors = await driver.ErrorsAsync(invoice.InvoiceId);

        Assert.That(invoice.Status, Is.EqualTo(InvoiceStatus.Failed));
        Assert.That(invoice.RegistrationNumber, Is.Null);
        Assert.That(errors.Select(e => e.RuleId), Is.EqualTo(new[] { "A-02" }));
        Assert.That(errors[0].Message, Is.EqualTo("Счет-фактура с таким номером и датой уже существуют, пожалуйста укажите другой номер"));
    }

    [Test]
    public async Task Should_fail_an_unknown_customer_with_rule_C02()
    {
        var driver = await PipelineDriver.StartAsync(Fixture);
        var body = TestInvoices.Build(TestTenant.UniqueNum(), TestInvoices.Today, driver.Tenant.SellerTin, TestTenant.UniqueTin());

        var upload = await driver.UploadAsync(driver.Item(body));
        var invoice = await driver.FinishedAsync(upload.Accepted[0].InvoiceId!.Value);

        Assert.That(invoice.Status, Is.EqualTo(InvoiceStatus.Failed));
        Assert.That(invoice.CancelReason, Is.EqualTo("CUSTOMER_TIN_ABSENT_IN_DICTIONARY"));
        Assert.That((await driver.ErrorsAsync(invoice.InvoiceId)).Select(e => e.RuleId), Is.EqualTo(new[] { "C-02" }));
    }

    [Test]
    public async Task Should_fail_a_signature_that_does_not_match_the_body_with_rule_GEN01()
    {
        var driver = await PipelineDriver.StartAsync(Fixture);
        var body = TestInvoices.Build(driver.Tenant);

        var upload = await driver.UploadAsync(driver.Item(body, driver.Tenant.Sign(body + " ")));
        var invoice = await driver.FinishedAsync(upload.Accepted[0].InvoiceId!.Value);

        Assert.That(invoice.Status, Is.EqualTo(InvoiceStatus.Failed));
        Assert.That(invoice.SignatureValid, Is.False);
        Assert.That((await driver.ErrorsAsync(invoice.InvoiceId)).Select(e => e.RuleId), Is.EqualTo(new[] { "GEN-01" }));
    }

    [Test]
    public async Task Should_fail_an_invoice_signed_with_the_certificate_of_another_taxpayer_with_rule_B02()
    {
        var driver = await PipelineDriver.StartAsync(Fixture);
        using var other = await TestTenant.CreateAsync(Fixture);
        var body = TestInvoices.Build(driver.Tenant);

        var upload = await driver.UploadAsync(new UploadBatch([driver.Item(body, other.Sign(body))], other.CertificateBase64));
        var invoice = await driver.FinishedAsync(upload.Accepted[0].InvoiceId!.Value);

        Assert.That(invoice.Status, Is.EqualTo(InvoiceStatus.Failed));
        Assert.That((await driver.ErrorsAsync(invoice.InvoiceId)).Select(e => e.RuleId), Is.EqualTo(new[] { "B-02" }));
    }

    [Test]
    public async Task Should_report_every_violation_of_one_invoice_at_once()
    {
        var driver = await PipelineDriver.StartAsync(Fixture);
        var body = TestInvoices.Build(TestTenant.UniqueNum(), TestInvoices.Today, driver.Tenant.SellerTin, TestTenant.UniqueTin());

        var upload = await driver.UploadAsync(driver.Item(body, driver.Tenant.Sign("другое тело")));
        var invoice = await driver.FinishedAsync(upload.Accepted[0].InvoiceId!.Value);

        Assert.That((await driver.ErrorsAsync(invoice.InvoiceId)).Select(e => e.RuleId), Is.EquivalentTo(new[] { "GEN-01", "C-02" }));
    }

    [Test]
    public async Task Should_decline_at_upload_what_the_light_checks_reject_and_store_nothing_for_it()
    {
        var driver = await PipelineDriver.StartAsync(Fixture);
        var valid = TestInvoices.Build(driver.Tenant);
        var schemaError = TestInvoices.Build(driver.Tenant).Replace("<truOriginCode>5</truOriginCode>", "<truOriginCode>9</truOriginCode>");

        var upload = await driver.UploadAsync(
            driver.Item(valid),
            driver.Item("<v2:invoice xmlns:v2=\"v2.esf\"><num>1</num>"),
            driver.Item(schemaError),
            driver.Item(valid, signature: new string('A', 404)),
            driver.Item(valid) with { Version = "InvoiceV9" });

        Assert.That(upload.Accepted.Select(a => a.Index), Is.EqualTo(new[] { 0 }));
        Assert.That(upload.Declined.Select(d => (d.Index, d.Errors[0].RuleId)), Is.EqualTo(new[]
        {
            (1, "API-01"), (2, "GEN-11"), (3, "API-03"), (4, "API-02"),
        }));
        Assert.That(upload.Declined[1].Errors[0].Property, Is.EqualTo("productSet.products.product[0].truOriginCode"));
        Assert.That(upload.Declined.Select(d => d.InvoiceId), Is.All.Null);
    }

    [Test]
    public async Task Should_decline_the_second_of_two_invoices_with_one_number_and_date_in_one_batch()
    {
        var driver = await PipelineDriver.StartAsync(Fixture);
        var body = TestInvoices.Build(driver.Tenant);

        var upload = await driver.UploadAsync(driver.Item(body), driver.Item(body));

        Assert.That(upload.Accepted.Select(a => a.Index), Is.EqualTo(new[] { 0 }));
        Assert.That(upload.Declined.Single().Errors.Single().RuleId, Is.EqualTo("API-05"));
    }

    [Test]
    public async Task Should_answer_a_repeated_upload_with_the_same_idempotency_key_with_the_first_answer()
    {
        var driver = await PipelineDriver.StartAsync(Fixture);
        var item = driver.Item(TestInvoices.Build(driver.Tenant));
        var key = Guid.NewGuid().ToString();

        var first = await driver.UploadAsync(key, item);
        var again = await driver.UploadAsync(key, item);

        Assert.That(again.UploadId, Is.EqualTo(first.UploadId));
        Assert.That(again.Accepted.Select(a => a.InvoiceId), Is.EqualTo(first.Accepted.Select(a => a.InvoiceId)));
    }

    [Test]
    public void Should_refuse_an_empty_upload()
    {
        var driver = PipelineDriver.StartAsync(Fixture).GetAwaiter().GetResult();

        Assert.That(async () => await driver.UploadAsync(),
            Throws.InstanceOf<Esf.Infrastructure.Errors.EsfException>().With.Property("ErrorCode").EqualTo("FIELD_IS_NULL"));
    }

    [Test]
    public async Task Should_verify_the_signature_over_the_exact_bytes_sent()
    {
        var driver = await PipelineDriver.StartAsync(Fixture);
        var body = TestInvoices.Build(driver.Tenant).Replace("\n", "\r\n");

        var upload = await driver.UploadAsync(driver.Item(body));
        var invoice = await driver.FinishedAsync(upload.Accepted[0].InvoiceId!.Value);

        Assert.That(invoice.Status, Is.EqualTo(InvoiceStatus.Created));
        Assert.That(invoice.Body, Is.EqualTo(body));
        Assert.That(invoice.Hash, Is.EqualTo(Sha256Hex.Of(body)));
    }
}
