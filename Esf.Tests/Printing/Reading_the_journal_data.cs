using Dapper;
using Esf.Infrastructure.Journal;
using Esf.Tests.Infrastructure;
using Esf.Tests.Lifecycle;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Printing;

/// <summary>
/// What the journal shows beside the search: the upload log with the declined items and their reasons, the queue and recent
/// failures with their rule ids, and the documents linked to an invoice — each for its own enterprise only.
/// </summary>
[TestFixture]
public sealed class Reading_the_journal_data
{
    private static JournalQueries Journal => PrintingGateway.Fixture.Get<JournalQueries>();

    [Test]
    public async Task Should_log_each_upload_with_what_it_declined_and_why()
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(PrintingGateway.Fixture);
        var seller = parties.Seller;
        var good = seller.Item(TestInvoices.Build(seller.Tenant));
        var bad = seller.Item(TestInvoices.Build(seller.Tenant), signature: "not base64!");

        // Act
        var result = await seller.UploadAsync(good, bad);
        var log = await Journal.UploadsAsync(seller.Session, null, 10, CancellationToken.None);
        var customersLog = await Journal.UploadsAsync(parties.Customer, null, 10, CancellationToken.None);

        // Assert
        var entry = log.Single(u => u.UploadId == result.UploadId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((entry.ItemCount, entry.AcceptedCount, entry.Channel, entry.Login), Is.EqualTo((2, 1, "REST", seller.Session.Login)));
            Assert.That(entry.Declined.Select(d => (d.Index, d.RuleId)), Is.EqualTo(new[] { (1, "API-03") }));
            Assert.That(entry.Declined[0].Text, Does.Contain("Base64"));
            Assert.That(customersLog.Select(u => u.UploadId), Does.Not.Contain(result.UploadId), "an upload belongs to the enterprise that sent it");
        }
    }

    [Test]
    public async Task Should_show_recent_failures_with_their_rules_to_the_sender_only()
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(PrintingGateway.Fixture);
        var failed = await parties.RegisterAsync(
            TestInvoices.Build(TestTenant.UniqueNum(), TestInvoices.Today, parties.Seller.Tenant.SellerTin, TestTenant.UniqueTin()));

        // Act
        var failures = await Journal.RecentFailuresAsync(parties.SellerSession, 20, CancellationToken.None);
        var queue = await Journal.QueueAsync(parties.SellerSession, CancellationToken.None);
        var customersFailures = await Journal.RecentFailuresAsync(parties.Customer, 20, CancellationToken.None);

        // Assert
        var failure = failures.Single(f => f.Invoice.InvoiceId == failed);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.Errors.Errors.Select(e => e.RuleId), Is.Not.Empty);
            Assert.That(queue.Waiting, Is.Zero, "nothing of this enterprise waits once the worker decided");
            Assert.That(customersFailures.Select(f => f.Invoice.InvoiceId), Does.Not.Contain(failed));
        }
    }

    [Test]
    public async Task Should_link_an_invoice_with_its_corrections_both_ways_within_the_enterprise()
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(PrintingGateway.Fixture);
        using var stranger = await DocumentFlowParties.StartAsync(PrintingGateway.Fixture);
        var original = await parties.RegisterAsync();
        var correction = await parties.RegisterAsync();
        await using (var connection = await PrintingGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE invoices SET related_invoice_id = @Original WHERE invoice_id = @Correction", new { Original = original, Correction = correction });
        }

        // Act
        var fromOriginal = await Journal.LinkedAsync(parties.SellerSession, original, CancellationToken.None);
        var fromCorrection = await Journal.LinkedAsync(parties.SellerSession, correction, CancellationToken.None);
        var forStranger = await Journal.LinkedAsync(stranger.SellerSession, original, CancellationToken.None);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fromOriginal.Select(i => i.InvoiceId), Is.EqualTo(new[] { correction }));
            Assert.That(fromCorrection.Select(i => i.InvoiceId), Is.EqualTo(new[] { original }));
            Assert.That(forStranger, Is.Empty);
        }
    }
}
