using System.Security.Cryptography.X509Certificates;
using Esf.Domain.Invoices;
using Esf.Infrastructure;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Participants;
using Esf.Infrastructure.Registration;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Signatures;
using Esf.Tests.Infrastructure;
using Esf.Tests.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Participants;

/// <summary>
/// M5 (security review): POA-01 judges the power of attorney on the day the invoice is registered (server time), not on the
/// date the seller wrote in the body. The gateway-only process has no consumer: each test registers with a worker whose clock
/// it sets.
/// </summary>
[TestFixture]
public sealed class Judging_powers_of_attorney_on_the_registration_day : WorkerlessGateway
{
    [TestCase(-3, 0, InvoiceStatus.Created, TestName = "Should_register_an_invoice_dated_before_the_power_when_the_power_holds_on_the_registration_day")]
    [TestCase(0, 5, InvoiceStatus.Failed, TestName = "Should_fail_an_invoice_dated_within_the_power_when_the_power_ended_before_the_registration_day")]
    public async Task Should_judge_the_power_on_the_registration_day(int bodyDaysFromGrant, int registeredDaysAfterGrant, InvoiceStatus expected)
    {
        // Arrange: the seller's head grants a two-day power from today; an attorney signs an invoice of the seller (OPERATOR).
        var seller = await PipelineDriver.StartAsync(Gateway);
        var attorneyIin = TestTenant.UniqueTin();
        using var attorney = CertificateFactory.Create("ПОВЕРЕННЫЙ", attorneyIin, null);
        var granted = ControlledClock.KazakhstanToday;
        await Gateway.Get<PowersOfAttorney>().GrantAsync(seller.Session, attorneyIin, granted, granted.AddDays(1), CancellationToken.None);
        var body = TestInvoices.Build(TestTenant.UniqueNum(), granted.AddDays(bodyDaysFromGrant).ToString("dd.MM.yyyy"), seller.Tenant.SellerTin, seller.Tenant.CustomerTin);
        using var key = attorney.GetRSAPrivateKey()!;
        var upload = await seller.UploadAsync(new UploadBatch(
            [new UploadItem(body, "InvoiceV2", InvoiceSignatureVerifier.Sign(body, key), "OPERATOR")], CertificateFactory.ToBase64(attorney)));

        // Act
        await WorkerAt(granted.AddDays(registeredDaysAfterGrant)).ProcessAsync(upload.UploadId!.Value, CancellationToken.None);

        // Assert
        var invoice = await seller.FinishedAsync(upload.Accepted.Single().InvoiceId!.Value);
        List<string> errors = invoice.Status == InvoiceStatus.Failed ? [.. (await seller.ErrorsAsync(invoice.InvoiceId)).Select(e => e.RuleId)] : [];
        Assert.That(invoice.Status, Is.EqualTo(expected), string.Join(", ", errors));
        Assert.That(errors, Is.EqualTo(expected == InvoiceStatus.Failed ? new[] { "POA-01" } : []));
    }

    [Test]
    public async Task Should_fail_an_invoice_whose_power_was_revoked_between_its_upload_and_its_verdict()
    {
        // Arrange: an attorney's invoice accepted while its power holds; the head revokes the power before the worker decides it.
        var seller = await PipelineDriver.StartAsync(Gateway);
        var attorneyIin = TestTenant.UniqueTin();
        using var attorney = CertificateFactory.Create("ПОВЕРЕННЫЙ", attorneyIin, null);
        var today = ControlledClock.KazakhstanToday;
        var powers = Gateway.Get<PowersOfAttorney>();
        var power = await powers.GrantAsync(seller.Session, attorneyIin, today, today.AddDays(30), CancellationToken.None);
        var body = TestInvoices.Build(TestTenant.UniqueNum(), today.ToString("dd.MM.yyyy"), seller.Tenant.SellerTin, seller.Tenant.CustomerTin);
        using var key = attorney.GetRSAPrivateKey()!;
        var upload = await seller.UploadAsync(new UploadBatch(
            [new UploadItem(body, "InvoiceV2", InvoiceSignatureVerifier.Sign(body, key), "OPERATOR")], CertificateFactory.ToBase64(attorney)));

        // Act
        var revoked = await powers.RevokeAsync(seller.Session, power.Id, CancellationToken.None);
        await WorkerAt(today).ProcessAsync(upload.UploadId!.Value, CancellationToken.None);

        // Assert
        var invoice = await seller.FinishedAsync(upload.Accepted.Single().InvoiceId!.Value);
        Assert.That(revoked, Is.True);
        Assert.That(invoice.Status, Is.EqualTo(InvoiceStatus.Failed));
        Assert.That((await seller.ErrorsAsync(invoice.InvoiceId)).Select(e => e.RuleId), Is.EqualTo(new[] { "POA-01" }));
    }

    private InvoiceRegistrar WorkerAt(DateOnly day) => new(
        Gateway.Get<NpgsqlDataSource>(), ControlledClock.At(day), NullLogger<InvoiceRegistrar>.Instance, Gateway.Get<CertificateValidator>(),
        Gateway.Get<Esf.Infrastructure.Signatures.ParsedCertificates>(), Gateway.Get<IOptions<EsfOptions>>());
}
