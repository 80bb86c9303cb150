using System.Net.Http.Json;
using System.Text.Json;
using Esf.Infrastructure.Invoices;
using Esf.Tests.Infrastructure;
using Esf.Tests.Lifecycle;
using NUnit.Framework;

namespace Esf.Tests.Security.Isolation;

/// <summary>
/// The tenant isolation matrix for waybills (ADR 0003, 0024), as <see cref="Reaching_another_enterprises_invoices"/> for invoices:
/// enterprise Y calls every operation that names one waybill with a waybill of enterprise X, and must get exactly the answer for
/// a waybill that does not exist, while X's own answer differs and X's waybill is unchanged. Y is the waybill's consignee (34):
/// the seeds give consignor and consignee no rights, so naming Y there opens nothing.
/// </summary>
[TestFixture]
public sealed class Reaching_another_enterprises_waybills
{
    private const string Reason = TenantOperation.Reason;

    private Caller owner = null!;
    private Caller stranger = null!;

    public static IEnumerable<TenantOperation> Operations =>
    [
        TenantOperation.Rest(HttpMethod.Get, "api/v1/snt/{id}"),
        TenantOperation.Rest(HttpMethod.Get, "api/v1/snt/{id}/status"),
        TenantOperation.Rest(HttpMethod.Get, "api/v1/snt/{id}/history"),
        Signed("confirm", null),
        Signed("decline", Reason),
        Signed("revoke", Reason),
        Signed("receive", null),
        Signed("confirm-by-ogd", null),
    ];

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

    [TestCaseSource(nameof(Operations))]
    public async Task Should_answer_another_enterprises_waybill_exactly_like_a_missing_one(TenantOperation operation)
    {
        // Arrange
        var waybill = await RegisterAsync();

        // Act and assert
        await IsolationMatrix.AssertLikeMissingAsync(operation, owner, stranger, waybill, "waybill", ReadOwnStateAsync);
    }

    [Test]
    public async Task Should_not_show_the_buyer_a_waybill_that_failed_the_control()
    {
        // Arrange: the buyer is a registered taxpayer, the consignee is not, so the control fails the waybill (SNT-W06).
        using var buyer = await Caller.LogInAsync();
        var body = TestWaybills.Build(owner.Tenant.SellerTin, buyer.Tenant.SellerTin, TestTenant.UniqueTin());
        var id = await UploadAsync(body);
        await Poller.UntilAsync(() => owner.Http.GetStringAsync($"api/v1/snt/{id}/status"),
            status => status.Contains("\"FAILED\"", StringComparison.Ordinal), $"waybill {id} to be FAILED");

        // Act
        using var response = await buyer.Http.GetAsync($"api/v1/snt/{id}");

        // Assert
        Assert.That((int)response.StatusCode, Is.EqualTo(404), await response.Content.ReadAsStringAsync());
    }

    /// <summary>A waybill of the owner to its own customer, with the stranger as consignee, registered by the worker.</summary>
    private async Task<InvoiceTarget> RegisterAsync()
    {
        var num = TestTenant.UniqueNum();
        var body = TestWaybills.Build(owner.Tenant.SellerTin, owner.Tenant.CustomerTin, stranger.Tenant.SellerTin, b => b.Num = num);
        var id = await UploadAsync(body);
        await Poller.UntilAsync(() => owner.Http.GetStringAsync($"api/v1/snt/{id}/status"),
            status => status.Contains("\"NOT_VIEWED\"", StringComparison.Ordinal), $"waybill {id} to be registered");
        return new InvoiceTarget(id, num, TestInvoices.Today);
    }

    private async Task<long> UploadAsync(string body)
    {
        using var response = await owner.Http.PostAsJsonAsync("api/v1/snt", TestWaybills.UploadBody(owner.Tenant, body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(202), text);
        return JsonDocument.Parse(text).RootElement.GetProperty("accepted")[0].GetProperty("id").GetInt64();
    }

    private async Task<(string Status, int HistoryRows)> ReadOwnStateAsync(InvoiceTarget waybill)
    {
        var status = JsonDocument.Parse(await owner.Http.GetStringAsync($"api/v1/snt/{waybill.Id}/status")).RootElement;
        var history = JsonDocument.Parse(await owner.Http.GetStringAsync($"api/v1/snt/{waybill.Id}/history")).RootElement;
        return (status.GetProperty("status").GetString()!, history.GetArrayLength());
    }

    /// <summary>receive, confirm, decline, revoke, confirm-by-ogd signed by the caller with its own certificate: only visibility may refuse it.</summary>
    private static TenantOperation Signed(string verb, string? reason) =>
        TenantOperation.Rest(HttpMethod.Post, $"api/v1/snt/{{id}}/{verb}", (caller, target) =>
        {
            var signed = DocumentFlowParties.Sign([new StatusChangeItem(target.Id, reason)], caller.Tenant.Certificate);
            return JsonContent.Create(new { reason, signature = signed.Signature, certificate = signed.Certificate });
        });
}
