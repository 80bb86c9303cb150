using System.Net;
using Dapper;
using Npgsql;
using Esf.Tests.Rest;
using NUnit.Framework;

namespace Esf.Tests.Sandbox;

/// <summary>GET /api/v1/status: every client, without a session, learns the state, the outages and the queue.</summary>
[TestFixture]
public sealed class Reading_the_service_status
{
    [Test]
    public async Task Should_answer_the_state_the_queue_and_a_planned_outage_without_a_session()
    {
        using var sandbox = new SandboxClient();
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3 + Random.Shared.Next(20));
        using var declared = await sandbox.PostAsync("faults", new { kind = "OUTAGE", date = day, reason = "плановые работы" });
        using var anonymous = SandboxGateway.Fixture.CreateClient();

        using var response = await anonymous.GetAsync("api/v1/status");
        // The outage registry is shared by every test of this database: the day must not stay declared.
        await using (var connection = await SandboxGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync())
        {
            await connection.ExecuteAsync("DELETE FROM outage_dates WHERE outage_date = @Day", new { Day = day });
        }

        var status = await RestClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(status.GetProperty("state").GetString(), Is.AnyOf("AVAILABLE", "DEGRADED", "MAINTENANCE"));
        Assert.That(status.GetProperty("queueDepth").GetInt64(), Is.GreaterThanOrEqualTo(0));
        Assert.That(status.GetProperty("plannedOutages").EnumerateArray().Select(o => o.GetProperty("date").GetString()),
            Does.Contain(day.ToString("yyyy-MM-dd")));
    }
}
