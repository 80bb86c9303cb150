using Esf.Domain.Invoices;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Security;
using Esf.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Lifecycle;

/// <summary>The document-flow service with both sides in their own sessions, against the real pipeline and database.</summary>
[TestFixture]
public sealed class Driving_an_invoice_through_its_lifecycle
{
    private static GatewayFixture Fixture => LifecycleGateway.Fixture;

    [Test]
    public async Task Should_confirm_revoke_and_unrevoke_with_a_history_row_for_each_step()
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        var id = await parties.RegisterAsync();

        // Act
        var confirmed = await parties.ChangeAsync(parties.Customer, LifecycleOperation.Confirm, id);
        var revoked = await parties.ChangeAsync(parties.SellerSession, LifecycleOperation.Revoke, id, "ошибка в цене");
        var unrevoked = await parties.ChangeAsync(parties.Customer, LifecycleOperation.Unrevoke, id, "не согласны с отзывом");

        // Assert
        var invoice = await parties.ReadAsync(id);
        var history = await Fixture.Get<InvoiceQueries>().GetHistoryAsync(parties.Customer, [id], CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(new[] { confirmed, revoked, unrevoked }.Select(r => (r.Single().IsChanged, r.Single().Summary!.Status)), Is.EqualTo(new[]
            {
                (true, InvoiceStatus.Delivered), (true, InvoiceStatus.Revoked), (true, InvoiceStatus.Delivered),
            }));
            Assert.That(invoice.Status, Is.EqualTo(InvoiceStatus.Delivered));
            Assert.That(invoice.DeliveryDate, Is.Not.Null);
            Assert.That(history.Skip(2).Select(h => (h.FromStatus, h.Status, h.UserId, h.Tin, h.Reason)), Is.EqualTo(new (InvoiceStatus?, InvoiceStatus, string, string?, string?)[]
            {
                (InvoiceStatus.Created, InvoiceStatus.Delivered, parties.Customer.Login, parties.Customer.Tin, null),
                (InvoiceStatus.Delivered, InvoiceStatus.Revoked, parties.SellerSession.Login, parties.SellerSession.Tin, "ошибка в цене"),
                (InvoiceStatus.Revoked, InvoiceStatus.Delivered, parties.Customer.Login, parties.Customer.Tin, "не согласны с отзывом"),
            }));
        }
    }

    /// <summary>C13 of the seed review: over the API only confirmInvoiceById delivers (esf-api-facts §7.9, §14); reading never does.</summary>
    [Test]
    public async Task Should_leave_an_invoice_created_when_its_customer_only_reads_it()
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        var id = await parties.RegisterAsync();

        // Act
        var read = (await Fixture.Get<InvoiceQueries>().GetByIdsAsync(parties.Customer, [id], CancellationToken.None)).Single();

        // Assert
        var invoice = await parties.ReadAsync(id);
        Assert.That((read.Status, invoice.Status, invoice.DeliveryDate), Is.EqualTo((InvoiceStatus.Created, InvoiceStatus.Created, (DateTimeOffset?)null)));
    }

    [Test]
    public async Task Should_refuse_the_wrong_side_and_an_illegal_transition_without_changing_anything()
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        var id = await parties.RegisterAsync();

        // Act
        var sellerConfirms = (await parties.ChangeAsync(parties.SellerSession, LifecycleOperation.Confirm, id)).Single();
        var customerRevokes = (await parties.ChangeAsync(parties.Customer, LifecycleOperation.Revoke, id)).Single();
        var customerUnrevokes = (await parties.ChangeAsync(parties.Customer, LifecycleOperation.Unrevoke, id)).Single();
        var customerDeclinesOrdinary = (await parties.ChangeAsync(parties.Customer, LifecycleOperation.Decline, id)).Single();

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That((sellerConfirms.IsChanged, sellerConfirms.ErrorCode), Is.EqualTo((false, "ACCESS_DENIED")));
            Assert.That((customerRevokes.IsChanged, customerRevokes.ErrorCode), Is.EqualTo((false, "ACCESS_DENIED")));
            Assert.That((customerUnrevokes.IsChanged, customerUnrevokes.ErrorCode), Is.EqualTo((false, "WRONG_STATUS")));
            Assert.That(customerUnrevokes.Message, Does.Contain("from CREATED to DELIVERED"));
            Assert.That((customerDeclinesOrdinary.IsChanged, customerDeclinesOrdinary.ErrorCode), Is.EqualTo((false, "WRONG_TYPE")));
            Assert.That((await parties.ReadAsync(id)).Status, Is.EqualTo(InvoiceStatus.Created));
        }
    }

    [TestCase(10, true)]
    [TestCase(11, false)]
    public async Task Should_count_the_decline_window_from_the_registration_day_not_the_date_the_seller_wrote(int daysAfterRegistration, bool allowed)
    {
        // Arrange: M5 (security review): a corrected invoice registered today whose body the seller dated 20 days back, so a
        // window counted from that date would have closed before the customer could see it.
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        var id = await parties.RegisterAsync();
        var registered = ControlledClock.KazakhstanToday;
        await parties.SetKindAndDateAsync(id, InvoiceType.FixedInvoice, registered.AddDays(-20));
        var deadline = InvoiceDeadline.Of(await parties.ReadAsync(id));
        var later = new InvoiceStatusChanger(
            Fixture.Get<NpgsqlDataSource>(), ControlledClock.At(registered.AddDays(daysAfterRegistration)), Fixture.Get<CertificateValidator>());

        // Act
        var result = (await parties.ChangeAsync(parties.Customer, LifecycleOperation.Decline, id, "не согласны", later)).Single();

        // Assert
        Assert.That(deadline, Is.EqualTo(new InvoiceDeadline("DECLINE", registered.AddDays(10))), "InvoiceInfo.deadline says the same");
        Assert.That((result.IsChanged, result.ErrorCode), Is.EqualTo(allowed ? (true, (string?)null) : (false, "WRONG_DATE")));
        Assert.That((await parties.ReadAsync(id)).Status, Is.EqualTo(allowed ? InvoiceStatus.Declined : InvoiceStatus.Created));
    }

    [Test]
    public async Task Should_delete_a_failed_invoice_only()
    {
        // Arrange: a customer that is not a registered taxpayer fails the control.
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        var failed = await parties.RegisterAsync(TestInvoices.Build(TestTenant.UniqueNum(), TestInvoices.Today, parties.SellerSession.Tin, TestTenant.UniqueTin()));
        var created = await parties.RegisterAsync();

        // Act
        var deleted = (await parties.ChangeAsync(parties.SellerSession, LifecycleOperation.Delete, failed)).Single();
        var refused = (await parties.ChangeAsync(parties.SellerSession, LifecycleOperation.Delete, created)).Single();

        // Assert
        Assert.That((deleted.IsChanged, deleted.Summary!.Status), Is.EqualTo((true, InvoiceStatus.Deleted)));
        Assert.That((refused.IsChanged, refused.ErrorCode), Is.EqualTo((false, "WRONG_STATUS")));
    }

    [Test]
    public async Task Should_answer_another_enterprises_invoice_exactly_like_a_missing_one()
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        using var others = await DocumentFlowParties.StartAsync(Fixture);
        var theirs = await others.RegisterAsync();
        const long missing = 99_999_999_999_999_999;

        // Act
        var foreign = (await parties.ChangeAsync(parties.Customer, LifecycleOperation.Confirm, theirs)).Single();
        var absent = (await parties.ChangeAsync(parties.Customer, LifecycleOperation.Confirm, missing)).Single();

        // Assert
        Assert.That(foreign with { InvoiceId = 0, Message = "" }, Is.EqualTo(absent with { InvoiceId = 0, Message = "" }));
        Assert.That((foreign.Summary, foreign.ErrorCode), Is.EqualTo(((InvoiceSummaryRecord?)null, "INVOICE_NOT_FOUND")));
        Assert.That((await others.ReadAsync(theirs)).Status, Is.EqualTo(InvoiceStatus.Created));
    }

    [Test]
    public async Task Should_refuse_a_signature_by_someone_else_or_over_other_bytes()
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        var id = await parties.RegisterAsync();
        var changer = Fixture.Get<InvoiceStatusChanger>();
        var items = new[] { new StatusChangeItem(id, "причина") };

        // Act
        var otherBytes = DocumentFlowParties.Sign([new StatusChangeItem(id, "другая причина")], parties.Seller.Tenant.Certificate);
        var wrongSigner = DocumentFlowParties.Sign(items, parties.CustomerCertificate);

        // Assert
        Assert.That(() => changer.ChangeAsync(parties.SellerSession, LifecycleOperation.Revoke, items, otherBytes, false, CancellationToken.None),
            Throws.InstanceOf<EsfException>().With.Property(nameof(EsfException.ErrorCode)).EqualTo("SIGNATURE_VERIFICATION_FAILED"));
        Assert.That(() => changer.ChangeAsync(parties.SellerSession, LifecycleOperation.Revoke, items, wrongSigner, false, CancellationToken.None),
            Throws.InstanceOf<EsfException>().With.Property(nameof(EsfException.ErrorCode)).EqualTo("CERTIFICATE_NOT_VALID"));
        Assert.That((await parties.ReadAsync(id)).Status, Is.EqualTo(InvoiceStatus.Created));
    }
}
