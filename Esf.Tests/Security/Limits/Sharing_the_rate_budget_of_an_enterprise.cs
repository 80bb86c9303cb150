using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Esf.Tests.Infrastructure;
using Esf.Tests.Soap;
using NUnit.Framework;

namespace Esf.Tests.Security.Limits;

[TestFixture]
[NonParallelizable]
public sealed class Sharing_the_rate_budget_of_an_enterprise
{
    private const string Area = "Rate limits";

    [Test]
    public async Task Should_draw_every_session_and_api_key_of_an_enterprise_from_one_budget()
    {
        // Arrange
        using var tenant = await TestTenant.CreateAsync(LimitedGateway.Fixture);
        // One open session per user: REST and SOAP share session ids, so the SOAP call below uses the same session.
        var sessionId = await tenant.OpenSessionAsync(LimitedGateway.Fixture);
        using var session = LimitedGateway.Fixture.CreateClient();
        session.DefaultRequestHeaders.Authorization = new("Bearer", sessionId);
        using var created = await session.PostAsJsonAsync("api/v1/api-keys", new { name = "second credential" });
        using var machine = LimitedGateway.Fixture.CreateClient();
        machine.DefaultRequestHeaders.Add("X-Api-Key", JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("secret").GetString());
        using var soap = new RawSoapClient(LimitedGateway.Fixture.CreateClient());

        // Act: the key's creation was the first call; the rest of the budget alternates between the session and the key.
        var answers = new List<HttpStatusCode> { created.StatusCode };
        for (var n = 1; n < LimitedGateway.TenantCalls; n++)
        {
            using var response = await (n % 2 == 0 ? session : machine).GetAsync("api/v1/sessions/current");
            answers.Add(response.StatusCode);
        }

        using var overByKey = await machine.GetAsync("api/v1/sessions/current");
        var overBySoap = await soap.PostAsync("InvoiceService", Envelopes.ById("queryInvoiceByIdRequest", sessionId, 1));

        // Assert
        Assert.That(answers, Is.All.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.Created));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(overByKey.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "a new key buys no new budget");
            Assert.That(overByKey.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
            Assert.That(overBySoap.Status, Is.EqualTo(HttpStatusCode.TooManyRequests), overBySoap.ToString());
            Assert.That(overBySoap.FaultString, Does.StartWith("Too many requests; retry after"));
        }

        AttackLog.Record(Area, $"Spread {LimitedGateway.TenantCalls + 2} calls in a minute over REST and SOAP calls of a session and a fresh API key of one enterprise",
            "One budget per enterprise: 429 + Retry-After on whichever credential goes over (REST problem or SOAP fault)");
    }

    [Test]
    public async Task Should_limit_a_soap_session()
    {
        // Arrange: InvoiceService, because every POST to SessionService also counts as a login attempt.
        using var tenant = await TestTenant.CreateAsync(LimitedGateway.Fixture);
        using var soap = new RawSoapClient(LimitedGateway.Fixture.CreateClient());
        var sessionId = await tenant.OpenSessionAsync(LimitedGateway.Fixture);

        // Act
        var answers = new List<HttpStatusCode>();
        for (var n = 0; n < LimitedGateway.TenantCalls; n++)
        {
            answers.Add((await soap.PostAsync("InvoiceService", Envelopes.ById("queryInvoiceByIdRequest", sessionId, 1))).Status);
        }

        var over = await soap.PostAsync("InvoiceService", Envelopes.ById("queryInvoiceByIdRequest", sessionId, 1));

        // Assert
        Assert.That(answers, Is.All.EqualTo(HttpStatusCode.OK));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(over.Status, Is.EqualTo(HttpStatusCode.TooManyRequests), over.ToString());
            Assert.That(over.FaultCode, Is.EqualTo("soap:Client"));
            Assert.That(over.FaultString, Does.StartWith("Too many requests; retry after"));
        }

        AttackLog.Record(Area, $"Flood SOAP with one session ({LimitedGateway.TenantCalls + 1} calls in a minute)",
            "429 soap:Client fault «Too many requests; retry after N seconds.» + Retry-After: SOAP sessions draw on the enterprise's budget too");
    }
}
