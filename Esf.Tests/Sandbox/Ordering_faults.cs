using System.Net;
using Dapper;
using System.Net.Http.Json;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using Esf.Tests.Webhooks;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Sandbox;

/// <summary>POST /api/v1/sandbox/faults: the gateway fails on purpose, and the client sees the same answer a real failure gives.</summary>
[TestFixture]
public sealed class Ordering_faults
{
    [Test]
    public async Task Should_fail_the_next_invoice_of_the_enterprise_with_the_chosen_rule_and_then_register_again()
    {
        using var sandbox = new SandboxClient();
        var world = await sandbox.CreateWorldAsync();
        using var seller = await world.Seller.SessionAsync();

        using var ordered = await sandbox.PostAsync("faults", new { kind = "FAIL_NEXT_INVOICES", tin = world.Seller.Tin, count = 1, ruleId = "UPL-02" });
        var failed = await SandboxInvoices.UploadAndWaitAsync(seller, world);
        var next = await SandboxInvoices.UploadAndWaitAsync(seller, world);

        Assert.That(ordered.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(failed.GetProperty("status").GetString(), Is.EqualTo("FAILED"), failed.ToString());
        Assert.That(failed.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("ruleId").GetString()), Does.Contain("UPL-02"));
        Assert.That(next.GetProperty("status").GetString(), Is.EqualTo("CREATED"), "the fault is used up");
    }

    [Test]
    [NonParallelizable] // the 503 is answered to whichever call comes next
    public async Task Should_answer_the_next_call_503_with_retry_after()
    {
        using var sandbox = new SandboxClient();

        using var ordered = await sandbox.PostAsync("faults", new { kind = "UNAVAILABLE", count = 1, retryAfterSeconds = 7 });
        using var refused = await sandbox.Http.GetAsync("api/v1/rules");
        using var answered = await sandbox.Http.GetAsync("api/v1/rules");

        Assert.That(ordered.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(7)));
        Assert.That(answered.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Should_hold_the_enterprise_queue_until_its_clock_passes_the_hold()
    {
        using var sandbox = new SandboxClient();
        var world = await sandbox.CreateWorldAsync();
        using var seller = await world.Seller.SessionAsync();

        using var ordered = await sandbox.PostAsync("faults", new { kind = "HOLD_QUEUE", tin = world.Seller.Tin, seconds = 600 });
        var id = await SandboxInvoices.UploadAsync(seller, world);
        var held = await SandboxInvoices.WaitUntilAsync(seller, id, "IN_QUEUE");
        using var statusResponse = await sandbox.Http.GetAsync("api/v1/status");
        var status = await RestClient.ReadJsonAsync(statusResponse);
        // The hold ends in the seller's world once its clock passes it: no waiting.
        using var moved = await sandbox.Http.PutAsJsonAsync("api/v1/sandbox/clock", new { tin = world.Seller.Tin, seconds = 700 });
        var processed = await SandboxInvoices.WaitUntilProcessedAsync(seller, id);

        Assert.That(ordered.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(held.GetProperty("status").GetString(), Is.EqualTo("IN_QUEUE"));
        Assert.That(status.GetProperty("queueDepth").GetInt64(), Is.GreaterThanOrEqualTo(1), status.ToString());
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(processed.GetProperty("status").GetString(), Is.EqualTo("CREATED"), processed.ToString());
    }

    [Test]
    [NonParallelizable] // the timeout is answered to whichever call comes next
    public async Task Should_hold_the_next_call_and_then_drop_it_without_an_answer()
    {
        using var sandbox = new SandboxClient();
        using var impatient = SandboxGateway.Fixture.CreateClient();
        impatient.Timeout = TimeSpan.FromMilliseconds(300);

        using var ordered = await sandbox.PostAsync("faults", new { kind = "TIMEOUT", count = 2, seconds = 30 });
        var timedOut = await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.GetAsync("api/v1/rules"));
        using var dropped = SandboxGateway.Fixture.CreateClient();
        var reset = await Assert.ThrowsAsync<HttpRequestException>(async () =>
        {
            await sandbox.PostAsync("faults", new { kind = "TIMEOUT", count = 1, seconds = 0 });
            await dropped.GetAsync("api/v1/rules");
        });
        using var answered = await sandbox.Http.GetAsync("api/v1/rules");

        Assert.That(ordered.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(timedOut?.InnerException, Is.InstanceOf<TimeoutException>(), "the client's own timeout fired: the server held the call");
        Assert.That(reset, Is.Not.Null, "a held call ends with the connection dropped, no answer");
        Assert.That(answered.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the faults are used up");
    }

    [Test]
    public async Task Should_deliver_the_next_webhook_twice_with_the_same_delivery_id()
    {
        using var sandbox = new SandboxClient();
        var world = await sandbox.CreateWorldAsync();
        using var seller = await world.Seller.SessionAsync();
        using var receiver = WebhookReceiver.Start(failures: 0);
        using var subscribed = await seller.PostAsJsonAsync("api/v1/webhooks", new { url = receiver.Url, secret = "a-secret-of-the-receiver", events = new[] { "CREATED" } });

        using var ordered = await sandbox.PostAsync("faults", new { kind = "DUPLICATE_WEBHOOK", tin = world.Seller.Tin, count = 1 });
        await SandboxInvoices.UploadAndWaitAsync(seller, world);
        await SandboxInvoices.UploadAndWaitAsync(seller, world);
        var deliveries = await Poller.UntilAsync(
            () => Task.FromResult(receiver.Requests.Select(r => r.Delivery).ToList()), d => d.Count >= 3, "two changes delivered, the first twice");

        Assert.That(subscribed.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(ordered.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(deliveries, Has.Count.EqualTo(3));
        Assert.That(deliveries.Distinct().Count(), Is.EqualTo(2), "the same delivery id twice, then the next change once");
        Assert.That(deliveries[0], Is.EqualTo(deliveries[1]));
    }

    [Test]
    public async Task Should_enter_a_declared_outage_into_the_outage_registry()
    {
        using var sandbox = new SandboxClient();
        var day = new DateOnly(2031, 1, 2).AddDays(Random.Shared.Next(3000));

        using var ordered = await sandbox.PostAsync("faults", new { kind = "OUTAGE", date = day, reason = "плановые работы" });

        Assert.That(ordered.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await using var connection = await SandboxGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        Assert.That(await connection.ExecuteScalarAsync<string>("SELECT reason FROM outage_dates WHERE outage_date = @Day", new { Day = day }),
            Is.EqualTo("плановые работы"));
    }

    [Test]
    public async Task Should_register_a_paper_invoice_for_the_day_of_a_declared_outage_and_fail_one_for_another_day()
    {
        using var sandbox = new SandboxClient();
        var world = await sandbox.CreateWorldAsync();
        using var seller = await world.Seller.SessionAsync();
        // Long enough ago that GET /status (the last 30 days) never shows it, unlikely to be another test's day, and after 2020,
        // when the sandbox's VAT payers are registered for VAT.
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5)).AddDays(-40 - Random.Shared.Next(1500));
        string Paper(DateOnly date) => TestInvoices.OnPaper(
            TestInvoices.Build(TestTenant.UniqueNum(), Text(day), world.Seller.Tin, world.Customer.Tin), Text(date), "DOWN_TIME");

        using var ordered = await sandbox.PostAsync("faults", new { kind = "OUTAGE", date = day, reason = "сбой ИС ЭСФ" });
        var onOutage = await SandboxInvoices.WaitUntilProcessedAsync(seller, await SandboxInvoices.UploadAsync(seller, world.Seller.Signing, Paper(day)));
        var onAnotherDay = await SandboxInvoices.WaitUntilProcessedAsync(seller,
            await SandboxInvoices.UploadAsync(seller, world.Seller.Signing, Paper(day.AddDays(1))));

        Assert.That(ordered.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(onOutage.GetProperty("status").GetString(), Is.EqualTo("CREATED"), onOutage.ToString());
        Assert.That(onAnotherDay.GetProperty("status").GetString(), Is.EqualTo("FAILED"), onAnotherDay.ToString());
        Assert.That(onAnotherDay.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("ruleId").GetString()), Does.Contain("A-08"));
    }

    private static string Text(DateOnly day) => day.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    [TestCase("EXPLODE", "UPL-02", TestName = "Should_refuse_an_unknown_kind")]
    [TestCase("FAIL_NEXT_INVOICES", "NO-SUCH-RULE", TestName = "Should_refuse_an_unknown_rule")]
    public async Task Should_refuse(string kind, string ruleId)
    {
        using var sandbox = new SandboxClient();

        using var response = await sandbox.PostAsync("faults", new { kind, tin = "123456789013", ruleId });

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
