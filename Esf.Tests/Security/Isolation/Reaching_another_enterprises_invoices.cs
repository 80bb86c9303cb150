using System.Text.Json;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Security.Isolation;

/// <summary>
/// The tenant isolation matrix: enterprise Y calls every operation that names one invoice with an invoice of enterprise X.
/// Y's answer must be byte for byte the answer for an invoice that does not exist (no existence oracle), X's own answer must
/// differ (the operation really finds the invoice, so the comparison is not vacuous), and X's invoice must be unchanged
/// (status and history) after Y's calls. Each case gets a fresh invoice: the owner's control call may change it (revoke).
/// </summary>
[TestFixture]
public sealed class Reaching_another_enterprises_invoices
{
    private Caller owner = null!;
    private Caller stranger = null!;

    [OneTimeSetUp]
    public async Task LogInAsync()
    {
        owner = await Caller.LogInAsync();
        stranger = await Caller.LogInAsync();
    }

    [OneTimeTearDown]
    public void LogOut()
    {
        owner.Dispose();
        stranger.Dispose();
    }

    [TestCaseSource(typeof(TenantOperations), nameof(TenantOperations.All))]
    public async Task Should_answer_another_enterprises_invoice_exactly_like_a_missing_one(TenantOperation operation)
    {
        // Arrange
        var invoice = await owner.RegisterAsync(failing: operation.OnFailed);

        // Act and assert
        await IsolationMatrix.AssertLikeMissingAsync(operation, owner, stranger, invoice, "invoice", ReadOwnStateAsync);
    }

    /// <summary>The owner's view of its invoice: status and number of history rows.</summary>
    private async Task<(string Status, int HistoryRows)> ReadOwnStateAsync(InvoiceTarget invoice)
    {
        var status = JsonDocument.Parse(await owner.Http.GetStringAsync($"api/v1/invoices/{invoice.Id}/status")).RootElement;
        var history = JsonDocument.Parse(await owner.Http.GetStringAsync($"api/v1/invoices/{invoice.Id}/history")).RootElement;
        return (status.GetProperty("status").GetString()!, history.GetArrayLength());
    }
}
