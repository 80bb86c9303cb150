using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Esf.Tests.Infrastructure;
using Esf.Tests.Soap;
using NUnit.Framework;

namespace Esf.Tests.Security.Limits;

[TestFixture]
[NonParallelizable]
public sealed class Hitting_the_rate_limits
{
    private const string Area = "Rate limits";

    [Test]
    public async Task Should_stop_password_guessing_with_429_on_soap_and_rest()
    {
        // Arrange
        using var tenant = await TestTenant.CreateAsync(LimitedGateway.Fixture);
        using var soap = new RawSoapClient(LimitedGateway.Fixture.CreateClient());
        using var rest = LimitedGateway.Fixture.CreateClient();
        string Guess(int n) => Envelopes.Envelope(
            $"<esf:createSessionRequest><tin>{tenant.SellerTin}</tin><x509Certificate>{tenant.CertificateBase64}</x509Certificate></esf:createSessionRequest>",
            Envelopes.UsernameToken(tenant.UserIin, $"Guess{n}"));

        // Act
        var guesses = new List<SoapReply>();
        for (var n = 0; n < LimitedGateway.Logins; n++)
        {
            guesses.Add(await soap.PostAsync("SessionService", Guess(n)));
        }

        var limitedSoap = await soap.PostAsync("SessionService", Guess(99));
        using var limitedRest = await rest.PostAsJsonAsync("api/v1/sessions", new { tin = tenant.SellerTin, certificate = tenant.CertificateBase64, login = tenant.UserIin, password = "Guess100" });

        // Assert
        Assert.That(guesses.Select(g => g.FaultString), Is.All.EqualTo("PASSWORD_INVALID"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(limitedSoap.Status, Is.EqualTo(HttpStatusCode.TooManyRequests), limitedSoap.ToString());
            Assert.That(limitedSoap.FaultCode, Is.EqualTo("soap:Client"));
            Assert.That(limitedSoap.FaultString, Does.StartWith("Too many requests; retry after"));
            Assert.That(limitedRest.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(limitedRest.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
            Assert.That(limitedRest.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        }

        var problem = JsonDocument.Parse(await limitedRest.Content.ReadAsStringAsync()).RootElement;
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo("RATE_LIMITED"));
        AttackLog.Record(Area, $"Brute-force a user's password: {LimitedGateway.Logins + 2} guesses in a minute from one IP (SOAP and REST)",
            $"PASSWORD_INVALID for the first {LimitedGateway.Logins} (PBKDF2, 100 000 iterations), then 429 + Retry-After (SOAP fault / RATE_LIMITED problem)");
    }

    [Test]
    public async Task Should_limit_each_enterprise_on_its_own()
    {
        // Arrange
        using var busy = await TestTenant.CreateAsync(LimitedGateway.Fixture);
        using var quiet = await TestTenant.CreateAsync(LimitedGateway.Fixture);
        using var busyClient = Client(await busy.OpenSessionAsync(LimitedGateway.Fixture));
        using var quietClient = Client(await quiet.OpenSessionAsync(LimitedGateway.Fixture));

        // Act
        var answers = new List<HttpStatusCode>();
        for (var n = 0; n <= LimitedGateway.TenantCalls; n++)
        {
            using var response = await busyClient.GetAsync("api/v1/sessions/current");
            answers.Add(response.StatusCode);
        }

        using var quietResponse = await quietClient.GetAsync("api/v1/sessions/current");

        // Assert
        Assert.That(answers.Take(LimitedGateway.TenantCalls), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(answers[^1], Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(quietResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another enterprise has its own budget");
        AttackLog.Record(Area, $"Flood the REST API with one session ({LimitedGateway.TenantCalls + 1} calls in a minute)",
            "429 + Retry-After for that enterprise only; other enterprises unaffected");
    }

    [Test]
    public async Task Should_answer_a_soap_1_2_request_over_the_limit_with_a_soap_1_2_fault()
    {
        // Arrange: an address of its own, so that the other login tests keep their budget.
        using var tenant = await TestTenant.CreateAsync(LimitedGateway.Fixture);
        using var soap = new RawSoapClient(LimitedGateway.Fixture.CreateClientFrom("127.0.0.4"));
        var guess = $"""<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:esf="esf"><env:Header>{Envelopes.UsernameToken(tenant.UserIin, "Guess").Replace("soapenv:", "env:")}</env:Header><env:Body><esf:createSessionRequest><tin>{tenant.SellerTin}</tin><x509Certificate>{tenant.CertificateBase64}</x509Certificate></esf:createSessionRequest></env:Body></env:Envelope>""";

        // Act
        for (var n = 0; n < LimitedGateway.Logins; n++)
        {
            await soap.PostAsync("SessionService", guess, RawSoapClient.Absent, Soap12ContentType);
        }

        var limited12 = await soap.PostAsync("SessionService", guess, RawSoapClient.Absent, Soap12ContentType);
        var limited11 = await soap.PostAsync("SessionService", Envelopes.CreateSession(tenant));

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(limited12.Status, Is.EqualTo(HttpStatusCode.TooManyRequests), limited12.ToString());
            Assert.That(limited12.ContentType, Does.StartWith("application/soap+xml"));
            Assert.That(limited12.Body, Does.StartWith("<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\">"));
            Assert.That(limited12.Element("Value"), Is.EqualTo("soap:Sender"));
            Assert.That(limited12.Element("Text"), Does.StartWith("Too many requests; retry after"));
            Assert.That(limited11.Status, Is.EqualTo(HttpStatusCode.TooManyRequests), limited11.ToString());
            Assert.That(limited11.ContentType, Does.StartWith("text/xml"));
            Assert.That(limited11.FaultCode, Is.EqualTo("soap:Client"));
        }

        AttackLog.Record(Area, "Guess passwords over SOAP 1.2 past the login limit",
            "429 answered as a SOAP 1.2 fault (application/soap+xml, soap:Sender); SOAP 1.1 requests get a SOAP 1.1 fault");
    }

    private const string Soap12ContentType = "application/soap+xml; charset=utf-8";

    private static HttpClient Client(string sessionId)
    {
        var http = LimitedGateway.Fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sessionId);
        return http;
    }
}
