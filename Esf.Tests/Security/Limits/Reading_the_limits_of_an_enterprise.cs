using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using Esf.Tests.Soap;
using NUnit.Framework;

namespace Esf.Tests.Security.Limits;

/// <summary>GET /api/v1/limits (issue 16): the caller's enterprise sees its limits and what is left of them, and nobody else's.</summary>
[TestFixture]
[NonParallelizable]
public sealed class Reading_the_limits_of_an_enterprise
{
    [Test]
    public async Task Should_answer_the_enterprise_budget_left_shared_with_its_soap_session_and_its_quotas_used()
    {
        using var tenant = await TestTenant.CreateAsync(LimitedGateway.Fixture);
        var sessionId = await tenant.OpenSessionAsync(LimitedGateway.Fixture);
        using var session = LimitedGateway.Fixture.CreateClient();
        session.DefaultRequestHeaders.Authorization = new("Bearer", sessionId);
        using var soap = new RawSoapClient(LimitedGateway.Fixture.CreateClient());

        var before = await ReadAsync(session);
        using var created = await session.PostAsJsonAsync("api/v1/api-keys", new { name = "limits" });
        await soap.PostAsync("InvoiceService", Envelopes.ById("queryInvoiceByIdRequest", sessionId, 1));
        var after = await ReadAsync(session);

        var budget = after.GetProperty("requestsPerMinute");
        Assert.That(after.GetProperty("tin").GetString(), Is.EqualTo(tenant.SellerTin));
        Assert.That(budget.GetProperty("limit").GetInt32(), Is.EqualTo(LimitedGateway.TenantCalls));
        Assert.That(budget.GetProperty("remaining").GetInt32(),
            Is.EqualTo(before.GetProperty("requestsPerMinute").GetProperty("remaining").GetInt32() - 3), "the key, the SOAP call and this read");
        Assert.That(after.GetProperty("loginsPerIpPerMinute").GetInt32(), Is.EqualTo(LimitedGateway.Logins));
        Assert.That(Quota(after, "Esf:Quotas:ApiKeysPerTenant"), Is.EqualTo((20, 1, 19)));
        Assert.That(Quota(after, "Esf:Quotas:WebhooksPerTenant"), Is.EqualTo((10, 0, 10)));
        Assert.That(after.GetProperty("maxIdsPerRequest").GetInt32(), Is.EqualTo(200));
    }

    [Test]
    public async Task Should_not_count_another_enterprises_calls()
    {
        using var busy = await TestTenant.CreateAsync(LimitedGateway.Fixture);
        using var quiet = await TestTenant.CreateAsync(LimitedGateway.Fixture);
        using var busyClient = LimitedGateway.Fixture.CreateClient();
        busyClient.DefaultRequestHeaders.Authorization = new("Bearer", await busy.OpenSessionAsync(LimitedGateway.Fixture));
        using var quietClient = LimitedGateway.Fixture.CreateClient();
        quietClient.DefaultRequestHeaders.Authorization = new("Bearer", await quiet.OpenSessionAsync(LimitedGateway.Fixture));

        for (var n = 0; n < 5; n++)
        {
            await ReadAsync(busyClient);
        }

        var limits = await ReadAsync(quietClient);

        Assert.That(limits.GetProperty("tin").GetString(), Is.EqualTo(quiet.SellerTin));
        Assert.That(limits.GetProperty("requestsPerMinute").GetProperty("remaining").GetInt32(), Is.EqualTo(LimitedGateway.TenantCalls - 1));
    }

    [Test]
    public async Task Should_answer_401_without_a_session()
    {
        using var anonymous = LimitedGateway.Fixture.CreateClient();

        using var response = await anonymous.GetAsync("api/v1/limits");

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    private static async Task<JsonElement> ReadAsync(HttpClient client)
    {
        using var response = await client.GetAsync("api/v1/limits");
        var json = await RestClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToString());
        return json;
    }

    private static (int Limit, long Used, long Remaining) Quota(JsonElement limits, string key)
    {
        var quota = limits.GetProperty("quotas").EnumerateArray().Single(q => q.GetProperty("key").GetString() == key);
        return (quota.GetProperty("limit").GetInt32(), quota.GetProperty("used").GetInt64(), quota.GetProperty("remaining").GetInt64());
    }
}
