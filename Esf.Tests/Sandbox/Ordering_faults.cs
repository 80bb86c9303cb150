using System.Net;
using Dapper;
using Esf.Tests.Rest;
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

    [TestCase("EXPLODE", "UPL-02", TestName = "Should_refuse_an_unknown_kind")]
    [TestCase("FAIL_NEXT_INVOICES", "NO-SUCH-RULE", TestName = "Should_refuse_an_unknown_rule")]
    public async Task Should_refuse(string kind, string ruleId)
    {
        using var sandbox = new SandboxClient();

        using var response = await sandbox.PostAsync("faults", new { kind, tin = "123456789013", ruleId });

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
