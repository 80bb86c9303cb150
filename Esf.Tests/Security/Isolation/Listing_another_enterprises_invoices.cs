using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Security.Isolation;

/// <summary>
/// The list matrix: enterprises X and Y each register one invoice today (X first, so a feed that leaked would show X's
/// changes before Y's own). For every listing, X's invoice must show in X's answer (the marks are real), never in Y's, and
/// Y's own invoice must show in Y's (the listing works for Y, so the absence is not vacuous).
/// </summary>
[TestFixture]
public sealed class Listing_another_enterprises_invoices
{
    private Caller owner = null!;
    private Caller stranger = null!;
    private InvoiceTarget ownerInvoice = null!;
    private InvoiceTarget strangerInvoice = null!;

    [OneTimeSetUp]
    public async Task RegisterOneInvoiceEachAsync()
    {
        owner = await Caller.LogInAsync();
        stranger = await Caller.LogInAsync();
        ownerInvoice = await owner.RegisterAsync();
        strangerInvoice = await stranger.RegisterAsync();
    }

    [OneTimeTearDown]
    public void LogOut()
    {
        owner.Dispose();
        stranger.Dispose();
    }

    [TestCaseSource(typeof(TenantListings), nameof(TenantListings.All))]
    public async Task Should_never_list_another_enterprises_invoice(TenantListing listing)
    {
        // Arrange
        var ownerMarks = listing.Marks(owner, ownerInvoice);
        var strangerMarks = listing.Marks(stranger, strangerInvoice);

        // Act
        var ownerAnswer = await listing.Read(owner);
        var strangerAnswer = await listing.Read(stranger);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ownerMarks.Where(m => !ownerAnswer.Contains(m, StringComparison.Ordinal)), Is.Empty, $"X must find its own invoice: {ownerAnswer}");
            Assert.That(strangerMarks.Where(m => !strangerAnswer.Contains(m, StringComparison.Ordinal)), Is.Empty, $"Y must find its own invoice: {strangerAnswer}");
            Assert.That(ownerMarks.Where(m => strangerAnswer.Contains(m, StringComparison.Ordinal)), Is.Empty, $"Y must never see X's invoice: {strangerAnswer}");
        }

        AttackLog.Record("Tenant isolation", $"Enterprise Y lists invoices with {listing.Name}",
            $"Y's answer ({strangerAnswer.Split(' ')[0]}) holds Y's invoice and none of X's marks ({string.Join(", ", ownerMarks.Select(Shape))}); X's own answer holds them");
    }

    /// <summary>What a mark is, for the report, without the random values.</summary>
    private static string Shape(string mark) => mark.All(char.IsDigit) ? $"{mark.Length}-digit number" : System.Text.RegularExpressions.Regex.Replace(mark, @"\d+", "…");
}
