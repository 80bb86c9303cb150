using System.Net;
using System.Net.Http.Json;
using Dapper;
using Esf.Tests.Infrastructure;
using Esf.Tests.Soap;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Security.Isolation;

/// <summary>Hostile strings in every text field a client controls, and hostile XML shapes; the gateway answers clean refusals.</summary>
[TestFixture]
public sealed class Sending_hostile_input
{
    private const string Area = "Hostile input";

    public static readonly string[] HostileStrings =
    [
        "' OR '1'='1",
        "'; DROP TABLE invoices; --",
        "\\'; SELECT pg_sleep(5); --",
        "%_%",
        "$1 $$ :Tin @Tin",
        "ИИН' UNION SELECT password_hash FROM users --",
    ];

    [TestCaseSource(nameof(HostileStrings))]
    public async Task Should_refuse_hostile_strings_in_every_login_field_without_touching_sql(string hostile)
    {
        // Arrange
        using var tenant = await TestTenant.CreateAsync(IsolationGateway.Fixture);
        using var soap = new RawSoapClient(IsolationGateway.Fixture.CreateClient());
        using var rest = IsolationGateway.Fixture.CreateClient();
        var escaped = Envelopes.Escape(hostile);

        // Act
        var badTin = await soap.PostAsync("SessionService", Envelopes.Envelope(
            $"<esf:createSessionRequest><tin>{escaped}</tin><x509Certificate>{tenant.CertificateBase64}</x509Certificate></esf:createSessionRequest>",
            Envelopes.UsernameToken(tenant.UserIin, tenant.Password)));
        var badLogin = await soap.PostAsync("SessionService", Envelopes.Envelope(
            $"<esf:createSessionRequest><tin>{tenant.SellerTin}</tin><x509Certificate>{tenant.CertificateBase64}</x509Certificate></esf:createSessionRequest>",
            Envelopes.UsernameToken(hostile, hostile)));
        var badSession = await soap.PostAsync("SessionService", Envelopes.SessionCall("currentSessionStatusRequest", hostile));
        var badIin = await soap.PostAsync("AuthService", Envelopes.Envelope($"<esf:createAuthTicketRequest><iin>{escaped}</iin></esf:createAuthTicketRequest>"));
        using var badRest = await rest.PostAsJsonAsync("api/v1/sessions", new { tin = hostile, certificate = hostile, login = hostile, password = hostile });
        rest.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", "esf_" + Uri.EscapeDataString(hostile) + "_x");
        using var badKey = await rest.GetAsync("api/v1/invoices/1");

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(badTin.FaultString, Is.EqualTo("ENTERPRISE_NOT_FOUND_FOR_USER"));
            Assert.That(badLogin.FaultString, Is.EqualTo("PASSWORD_INVALID"));
            Assert.That(badSession.Element("status"), Is.EqualTo("NOT_FOUND"));
            Assert.That(badIin.FaultString, Is.EqualTo("IIN_NOT_VALID"));
            Assert.That(badRest.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(badKey.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        await using var connection = await IsolationGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM invoices WHERE false"), Is.Zero, "the invoices table still exists");
        AttackLog.Record(Area, $"SQL injection string «{hostile}» in tin, login, password, sessionId, iin, REST login and X-Api-Key",
            "Ordinary refusals (ENTERPRISE_NOT_FOUND_FOR_USER, PASSWORD_INVALID, NOT_FOUND, IIN_NOT_VALID, 422, 401); all SQL is parameterised, tables intact");
    }

    [Test]
    public async Task Should_refuse_deep_nesting_before_deserializing()
    {
        // Arrange: 100 000 nested elements inside a request element (XmlSerializer would recurse into them).
        using var soap = new RawSoapClient(IsolationGateway.Fixture.CreateClient());
        const int Depth = 100_000;
        var envelope = Envelopes.Envelope($"<esf:esfVersionRequest>{string.Concat(Enumerable.Repeat("<a>", Depth))}{string.Concat(Enumerable.Repeat("</a>", Depth))}</esf:esfVersionRequest>");

        // Act
        var reply = await soap.PostAsync("VersionService", envelope);

        // Assert
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.InternalServerError), reply.ToString());
        Assert.That(reply.FaultCode, Is.EqualTo("soap:Client"));
        Assert.That(reply.FaultString, Does.StartWith("The XML is nested deeper than 64 levels"));
        AttackLog.Record(Area, "SOAP request with 100 000 nested elements (stack exhaustion)", "soap:Client fault «nested deeper than 64 levels», before any deserializer runs");
    }

    [Test]
    public async Task Should_answer_a_huge_text_node_with_a_clear_fault()
    {
        // Arrange: a 15 MB sessionId (under the 20 MB request limit).
        using var soap = new RawSoapClient(IsolationGateway.Fixture.CreateClient());

        // Act
        var reply = await soap.PostAsync("InvoiceService", Envelopes.ById("queryInvoiceByIdRequest", new string('A', 15_000_000), 1));

        // Assert
        Assert.That(reply.FaultString, Is.EqualTo("No open session associated with user."), reply.Body[..Math.Min(400, reply.Body.Length)]);
        AttackLog.Record(Area, "15 MB text node as sessionId", "sessionClosedException «No open session associated with user.»; memory bounded by Esf:MaxRequestBytes");
    }

    [Test]
    public async Task Should_decline_a_deeply_nested_invoice_body_and_refuse_deeply_nested_json()
    {
        // Arrange
        using var caller = await Caller.LogInAsync();
        const int Depth = 100_000;
        var body = $"<v2:invoice xmlns:v2=\"v2.esf\">{string.Concat(Enumerable.Repeat("<a>", Depth))}{string.Concat(Enumerable.Repeat("</a>", Depth))}</v2:invoice>";
        var json = string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000);

        // Act
        using var upload = await caller.Http.PostAsJsonAsync("api/v1/invoices", new
        {
            certificate = caller.Tenant.CertificateBase64,
            invoices = new[] { new { body, version = "InvoiceV2", signature = caller.Tenant.Sign(body), signatureType = "COMPANY" } },
        });
        using var deepJson = await caller.Http.PostAsync("api/v1/invoices", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        // Assert
        var answer = System.Text.Json.JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement;
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), answer.ToString());
        Assert.That(answer.GetProperty("accepted").GetArrayLength(), Is.Zero);
        Assert.That(answer.GetProperty("declined")[0].GetProperty("errors").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(deepJson.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        AttackLog.Record(Area, "Invoice body with 100 000 nested elements (REST upload)", "Declined by the upload checks (schema), nothing stored; gateway unaffected");
        AttackLog.Record(Area, "REST JSON nested 10 000 levels deep", "400 problem (System.Text.Json depth limit 64)");
    }
}
