using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Security.Isolation;

/// <summary>
/// The tenant isolation matrix: enterprise Y calls every by-id operation with an invoice of enterprise X. Y's answer must be
/// exactly the answer for an id that does not exist (no existence oracle), X's own answer must differ (the operation really
/// finds the invoice, so the comparison is not vacuous), and X's invoice must be unchanged afterwards.
/// </summary>
[TestFixture]
public sealed class Reaching_another_enterprises_invoices
{
    private Caller owner = null!;
    private Caller stranger = null!;
    private long invoiceId;

    [OneTimeSetUp]
    public async Task UploadAnInvoiceOfXAsync()
    {
        owner = await Caller.LogInAsync();
        stranger = await Caller.LogInAsync();
        invoiceId = await owner.UploadInvoiceAsync();
        // Registration runs in the background; the comparisons need an invoice that no longer changes by itself.
        await Poller.UntilAsync(ReadOwnStatusAsync, status => status.Contains("\"CREATED\"", StringComparison.Ordinal), "the invoice to be CREATED");
    }

    [OneTimeTearDown]
    public void LogOut()
    {
        owner.Dispose();
        stranger.Dispose();
    }

    [TestCaseSource(typeof(TenantOperations), nameof(TenantOperations.All))]
    public async Task Should_answer_another_enterprises_id_exactly_like_a_missing_one(TenantOperation operation)
    {
        // Arrange
        var missingId = invoiceId + 1_000_000_000_000;
        var before = await ReadOwnStatusAsync();

        // Act
        var strangerAnswer = TenantOperation.Normalize(await operation.Invoke(stranger, invoiceId), invoiceId);
        var missingAnswer = TenantOperation.Normalize(await operation.Invoke(stranger, missingId), missingId);
        var ownerAnswer = TenantOperation.Normalize(await operation.Invoke(owner, invoiceId), invoiceId);

        // Assert
        Assert.That(strangerAnswer, Is.EqualTo(missingAnswer), "another enterprise's id must answer like a missing id");
        Assert.That(ownerAnswer, Is.Not.EqualTo(missingAnswer), "the owner must see the invoice (else the comparison proves nothing)");
        Assert.That(await ReadOwnStatusAsync(), Is.EqualTo(before), "the stranger's call must change nothing");
        AttackLog.Record("Tenant isolation", $"Enterprise Y calls {operation.Name} with enterprise X's invoice id",
            $"Same answer as for a nonexistent id ({strangerAnswer.Split(' ')[0]}); X's invoice unchanged");
    }

    private async Task<string> ReadOwnStatusAsync()
    {
        using var response = await owner.Http.GetAsync($"api/v1/invoices/{invoiceId}/status");
        return TenantOperation.Normalize(await response.Content.ReadAsStringAsync(), invoiceId);
    }
}
