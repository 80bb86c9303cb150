using System.Net;
using System.Net.Http.Json;
using Esf.Domain.Rules;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using Esf.Tests.Soap;
using Esf.Tests.Webhooks;
using NUnit.Framework;

namespace Esf.Tests.Sandbox;

/// <summary>
/// The walk of docs/sandbox.md end to end, with the sandbox API only and with each kind of sandbox key (RSA, and ГОСТ 34.10-2015
/// 512-bit): a world of two enterprises, their heads and keys; an invoice signed and registered, its webhook delivered twice on
/// demand; the buyer confirms it; its corrected invoice; the decline window crossed with the buyer's clock; a failure on demand and
/// a retry; and a reset. Over SOAP, the same world survives each fault on demand with the answer a client expects.
/// </summary>
[TestFixture]
public sealed class Walking_through_the_sandbox
{
    [TestCase("RSA")]
    [TestCase("GOST")]
    public async Task Should_register_confirm_correct_cross_the_decline_window_fail_retry_and_reset(string algorithm)
    {
        using var sandbox = new SandboxClient();
        var world = await sandbox.CreateWorldAsync(algorithm);
        using var seller = await world.Seller.SessionAsync();
        using var customer = await world.Customer.SessionAsync();
        using var receiver = WebhookReceiver.Start(failures: 0);
        using var subscribed = await seller.PostAsJsonAsync("api/v1/webhooks", new { url = receiver.Url, secret = "a-secret-of-the-receiver", events = new[] { "CREATED" } });
        using var twice = await sandbox.PostAsync("faults", new { kind = "DUPLICATE_WEBHOOK", tin = world.Seller.Tin, count = 1 });

        var num = TestTenant.UniqueNum();
        var created = await SandboxInvoices.UploadAndWaitAsync(seller, world, num);
        var id = created.GetProperty("id").GetInt64();
        using var confirm = await customer.PostAsync($"api/v1/invoices/{id}/confirm", null);
        var confirmed = await SandboxInvoices.WaitUntilAsync(customer, id, "DELIVERED");
        // Only corrected and additional invoices can be declined: the seller corrects the original (Rules p.26 annuls it).
        var correction = TestInvoices.Linked(SandboxInvoices.Body(world), "FIXED_INVOICE", num, TestInvoices.Today,
            created.GetProperty("registrationNumber").GetString());
        var corrected = await SandboxInvoices.WaitUntilProcessedAsync(seller, await SandboxInvoices.UploadAsync(seller, world.Seller.Signing, correction));
        var correctedId = corrected.GetProperty("id").GetInt64();
        var annulled = await SandboxInvoices.WaitUntilAsync(seller, id, "CANCELED");
        using var clock = await sandbox.Http.PutAsJsonAsync("api/v1/sandbox/clock", new { tin = world.Customer.Tin, days = 11 });
        using var late = await SandboxInvoices.DeclineAsync(customer, world.Customer, correctedId);
        using var fault = await sandbox.PostAsync("faults", new { kind = "FAIL_NEXT_INVOICES", tin = world.Seller.Tin, count = 1, ruleId = "UPL-02" });
        var retryNum = TestTenant.UniqueNum();
        var failed = await SandboxInvoices.UploadAndWaitAsync(seller, world, retryNum);
        var retried = await SandboxInvoices.UploadAndWaitAsync(seller, world, retryNum);
        var deliveries = await Poller.UntilAsync(
            () => Task.FromResult(receiver.Requests.Select(r => r.Delivery).ToList()), d => d.Count >= 4, "three registrations delivered, the first twice");
        var reset = await RestClient.ReadJsonAsync(await sandbox.PostAsync("reset", new { tin = world.Seller.Tin }));
        using var gone = await seller.GetAsync($"api/v1/invoices/{id}/status");

        Assert.That(created.GetProperty("status").GetString(), Is.EqualTo("CREATED"), created.ToString());
        Assert.That((subscribed.StatusCode, twice.StatusCode), Is.EqualTo((HttpStatusCode.Created, HttpStatusCode.NoContent)));
        Assert.That(confirm.StatusCode, Is.EqualTo(HttpStatusCode.OK), await confirm.Content.ReadAsStringAsync());
        Assert.That(confirmed.GetProperty("status").GetString(), Is.EqualTo("DELIVERED"), "the buyer sees its confirmation");
        Assert.That(corrected.GetProperty("status").GetString(), Is.EqualTo("CREATED"), corrected.ToString());
        Assert.That(annulled.GetProperty("status").GetString(), Is.EqualTo("CANCELED"));
        Assert.That(clock.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ProblemAssertions.AssertProblemAsync(late, HttpStatusCode.UnprocessableEntity)).GetProperty("errorCode").GetString(),
            Is.EqualTo("WRONG_DATE"), "day 11 of the buyer's world is past the 10-day decline window");
        Assert.That(fault.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((failed.GetProperty("status").GetString(), failed.GetProperty("errors")[0].GetProperty("ruleId").GetString()),
            Is.EqualTo(("FAILED", "UPL-02")), failed.ToString());
        Assert.That(retried.GetProperty("status").GetString(), Is.EqualTo("CREATED"), "the same invoice sent again after the failure: " + retried);
        Assert.That(deliveries, Has.Count.EqualTo(4), "CREATED of the original (twice), the correction and the retry");
        Assert.That((deliveries[0], deliveries.Distinct().Count()), Is.EqualTo((deliveries[1], 3)), "the first delivery arrives twice, with one id");
        Assert.That(reset.GetProperty("removedInvoices").GetInt64(), Is.EqualTo(4));
        await ProblemAssertions.AssertProblemAsync(gone, HttpStatusCode.NotFound);
    }

    [TestCase("RSA")]
    [TestCase("GOST")]
    [NonParallelizable] // the 503 and the timeout are answered to whichever call comes next
    public async Task Should_survive_each_fault_over_soap_with_the_answer_a_client_expects(string algorithm)
    {
        using var sandbox = new SandboxClient();
        var world = await sandbox.CreateWorldAsync(algorithm);
        using var soap = new RawSoapClient(SandboxGateway.Fixture.CreateClient());
        var session = await world.Seller.SoapSessionAsync(soap);
        var num = TestTenant.UniqueNum();

        // A lost answer: the call is dropped unanswered, the client retries and the invoice is registered once.
        await sandbox.PostAsync("faults", new { kind = "TIMEOUT", count = 1, seconds = 0 });
        var lost = await Assert.ThrowsAsync<HttpRequestException>(() => SandboxInvoices.UploadOverSoapAsync(soap, session, world, num));
        var registered = await UploadAndWaitAsync(soap, session, world, num);
        // A resend of what was registered: FAILED with the real A-02 text, and the original named outside the envelope.
        var duplicate = await UploadAndWaitAsync(soap, session, world, num);
        var duplicateErrors = await soap.PostAsync("InvoiceService", Envelopes.ById("queryInvoiceErrorByIdRequest", session, duplicate.Id));
        // 503 with Retry-After, then the same call answers.
        await sandbox.PostAsync("faults", new { kind = "UNAVAILABLE", count = 1, retryAfterSeconds = 3 });
        var unavailable = await SandboxInvoices.UploadOverSoapAsync(soap, session, world, TestTenant.UniqueNum());
        // A held queue: the invoice waits IN_QUEUE until the seller's clock passes the hold.
        await sandbox.PostAsync("faults", new { kind = "HOLD_QUEUE", tin = world.Seller.Tin, seconds = 600 });
        var heldId = UploadedId(await SandboxInvoices.UploadOverSoapAsync(soap, session, world, TestTenant.UniqueNum()));
        var held = await SandboxInvoices.WaitOverSoapAsync(soap, session, heldId, "IN_QUEUE");
        await sandbox.Http.PutAsJsonAsync("api/v1/sandbox/clock", new { tin = world.Seller.Tin, seconds = 700 });
        var released = await SandboxInvoices.WaitOverSoapAsync(soap, session, heldId, "CREATED", "FAILED");
        // A failure on demand, read with queryInvoiceErrorById.
        await sandbox.PostAsync("faults", new { kind = "FAIL_NEXT_INVOICES", tin = world.Seller.Tin, count = 1, ruleId = "UPL-02" });
        var failed = await UploadAndWaitAsync(soap, session, world, TestTenant.UniqueNum());
        var failedErrors = await soap.PostAsync("InvoiceService", Envelopes.ById("queryInvoiceErrorByIdRequest", session, failed.Id));

        Assert.That(lost, Is.Not.Null);
        Assert.That(registered.Status, Is.EqualTo("CREATED"));
        Assert.That((duplicate.Status, duplicateErrors.Element("errorCode")), Is.EqualTo(("FAILED", "NOT_UNIQUE_DB_ERROR_MSG")));
        Assert.That(duplicateErrors.DuplicateOf, Does.Contain($"id={registered.Id}"));
        Assert.That(unavailable.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable), unavailable.ToString());
        Assert.That(held.Element("invoiceStatus"), Is.EqualTo("IN_QUEUE"));
        Assert.That(released.Element("invoiceStatus"), Is.EqualTo("CREATED"), released.ToString());
        Assert.That(failed.Status, Is.EqualTo("FAILED"));
        Assert.That(failedErrors.Elements("errorCode"), Does.Contain(RuleCatalogue.All.Single(r => r.Id == "UPL-02").ErrorCode), failedErrors.ToString());
    }

    [Test]
    public async Task Should_leave_other_enterprises_documents_when_resetting()
    {
        using var sandbox = new SandboxClient();
        var (first, second) = (await sandbox.CreateWorldAsync(), await sandbox.CreateWorldAsync());
        using var other = await second.Seller.SessionAsync();
        var kept = (await SandboxInvoices.UploadAndWaitAsync(other, second)).GetProperty("id").GetInt64();

        using var reset = await sandbox.PostAsync("reset", new { tin = first.Seller.Tin });
        using var status = await other.GetAsync($"api/v1/invoices/{kept}/status");

        Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Should_remove_the_enterprises_drafts_sent_or_not_when_resetting()
    {
        using var sandbox = new SandboxClient();
        var world = await sandbox.CreateWorldAsync();
        using var seller = await world.Seller.SessionAsync();
        var body = TestInvoices.Build(TestTenant.UniqueNum(), TestInvoices.Today, world.Seller.Tin, world.Customer.Tin);
        var (kept, sent) = (await SaveDraftAsync(seller, "<unfinished"), await SaveDraftAsync(seller, body));
        using var send = await seller.PostAsJsonAsync($"api/v1/drafts/{sent}/send",
            new { certificate = world.Seller.Signing.CertificateBase64, signature = world.Seller.Sign(body) });

        using var reset = await sandbox.PostAsync("reset", new { tin = world.Seller.Tin });
        using var unsentGone = await seller.GetAsync($"api/v1/drafts/{kept}");
        using var sentGone = await seller.GetAsync($"api/v1/drafts/{sent}");

        Assert.That(send.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await send.Content.ReadAsStringAsync());
        Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.OK), await reset.Content.ReadAsStringAsync());
        await ProblemAssertions.AssertProblemAsync(unsentGone, HttpStatusCode.NotFound);
        await ProblemAssertions.AssertProblemAsync(sentGone, HttpStatusCode.NotFound);
    }

    private static async Task<long> SaveDraftAsync(HttpClient seller, string body)
    {
        using var response = await seller.PostAsJsonAsync("api/v1/drafts", new { body });
        return (await RestClient.ReadJsonAsync(response)).GetProperty("id").GetInt64();
    }

    private static long UploadedId(SoapReply upload) => long.Parse(upload.Element("id") ?? throw new AssertionException($"Not accepted: {upload}"));

    private static async Task<(long Id, string? Status)> UploadAndWaitAsync(RawSoapClient soap, string session, SandboxWorld world, string num)
    {
        var id = UploadedId(await SandboxInvoices.UploadOverSoapAsync(soap, session, world, num));
        var processed = await SandboxInvoices.WaitOverSoapAsync(soap, session, id, "CREATED", "FAILED");
        return (id, processed.Element("invoiceStatus"));
    }

    [Test]
    public async Task Should_remove_the_enterprises_waybills_with_their_history_when_resetting()
    {
        using var sandbox = new SandboxClient();
        var world = await sandbox.CreateWorldAsync();
        using var seller = await world.Seller.SessionAsync();
        var id = await SandboxWaybills.RegisterAsync(seller, world);

        using var reset = await sandbox.PostAsync("reset", new { tin = world.Seller.Tin });
        using var gone = await seller.GetAsync($"api/v1/snt/{id}");

        var answer = await RestClient.ReadJsonAsync(reset);
        Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(answer.GetProperty("removedWaybills").GetInt64(), Is.EqualTo(1));
        await ProblemAssertions.AssertProblemAsync(gone, HttpStatusCode.NotFound);
    }
}
