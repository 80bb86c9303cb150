using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Dapper;
using Esf.Infrastructure;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Signatures;
using Esf.Infrastructure.Signatures.Gost;
using Esf.Infrastructure.Sessions;
using Esf.Tests.Infrastructure;
using Esf.Tests.Participants;
using Esf.Tests.Security.Tickets;
using Esf.Tests.Soap;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Security.Gost;

/// <summary>
/// End to end with the НУЦ РК GOST test PKI: a gateway that trusts the test root, its issuing CA and its CRL, its clock pinned
/// where the test keys are valid, and the test legal entity (БИН 123456789021) as a registered enterprise whose head logs in
/// with a GOST-signed ticket and signs invoices and id lists with GOST keys; over SOAP and REST, on the in-memory transport
/// and on RabbitMQ. Non-parallel: every test acts as the same head, who may hold one open session.
/// </summary>
[TestFixture(false)]
[TestFixture(true)]
[NonParallelizable]
public sealed class Registering_gost_signed_invoices(bool useRabbitMq)
{
    private GatewayFixture fixture = null!;
    private string customerTin = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var settings = KzGostTestPki.TrustSettings();
        // Private host: the НУЦ РК test PKI as its trust store and a clock at the time its certificates are valid.
        fixture = await GatewayFixture.StartAsync(useRabbitMq, settings: settings,
            configure: builder => builder.Services.AddSingleton<TimeProvider>(new ShiftedClock(KzGostTestPki.ValidAt)));
        var registry = fixture.Get<RegistryWriter>();
        customerTin = TestTenant.UniqueTin();
        await registry.AddTaxpayerAsync(KzGostTestPki.LegalEntityBin, "АО «ТЕСТ»");
        await registry.AddTaxpayerAsync(customerTin, $"ТОО «Покупатель {customerTin}»");
        await registry.AddUserAsync(KzGostTestPki.HeadIin, TestTenant.DefaultPassword, KzGostTestPki.LegalEntityBin, "ADMIN_ENTERPRISE", "ТЕСТ", "ТЕСТОВ");
        await CloseSessionsAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (fixture is not null)
        {
            await fixture.DisposeAsync();
        }
    }

    [TearDown]
    public Task CloseSessionsAsync() => ExecuteAsync("UPDATE sessions SET closed_at = now() WHERE login = @Login AND closed_at IS NULL", new { Login = KzGostTestPki.HeadIin });

    [Test]
    public async Task Should_log_in_over_soap_with_a_ticket_signed_by_a_gost_key()
    {
        // Arrange
        var (certificate, key) = KzGostTestPki.Legal("head");
        using var _ = certificate;
        using var soap = new RawSoapClient(fixture.CreateClient());

        // Act
        var reply = await LogInOverSoapAsync(soap, certificate, key);

        // Assert
        Assert.That(reply.Element("sessionId"), Does.Match($"^[0-9a-f]{{32}}-{KzGostTestPki.LegalEntityBin}---ADMIN_ENTERPRISE$"), reply.ToString());
    }

    [Test]
    public async Task Should_close_the_session_by_credentials_signed_with_a_gost_key()
    {
        // Arrange
        var (certificate, key) = KzGostTestPki.Legal("head");
        using var _ = certificate;
        using var soap = new RawSoapClient(fixture.CreateClient());
        var opened = (await LogInOverSoapAsync(soap, certificate, key)).Element("sessionId")!;
        var signed = EnvelopedXmlSignature.Sign(await TicketAsync(soap), certificate, key);

        // Act
        var reply = await soap.PostAsync("SessionService", Envelopes.Envelope(
            $"<esf:closeSessionBySignedCredentialsRequest><tin>{KzGostTestPki.LegalEntityBin}</tin><signedAuthTicket>{Envelopes.Escape(signed)}</signedAuthTicket></esf:closeSessionBySignedCredentialsRequest>"));

        // Assert
        Assert.That(reply.Element("status"), Is.EqualTo("CLOSED"), reply.ToString());
        var status = await soap.PostAsync("SessionService", Envelopes.SessionCall("currentSessionStatusRequest", opened));
        Assert.That(status.Element("status"), Is.EqualTo("CLOSED"));
    }

    [Test]
    public async Task Should_register_a_gost_signed_invoice_uploaded_over_soap()
    {
        // Arrange
        var (certificate, key) = KzGostTestPki.Legal("head");
        using var _ = certificate;
        using var soap = new RawSoapClient(fixture.CreateClient());
        var sessionId = (await LogInOverSoapAsync(soap, certificate, key)).Element("sessionId")!;
        var body = Invoice();

        // Act
        var reply = await soap.PostAsync("UploadInvoiceService", Envelopes.SyncInvoice(
            sessionId, CertificateFactory.ToBase64(certificate), Envelopes.EscapedUploadInfo(body, InvoiceSignatureVerifier.Sign(body, key))));

        // Assert
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.ToString());
        var invoice = await FinishedAsync(sessionId, long.Parse(reply.Element("id")!));
        Assert.That(invoice.GetProperty("status").GetString(), Is.EqualTo("CREATED"), invoice.ToString());
        Assert.That(invoice.GetProperty("signatureValid").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Should_register_a_gost_signed_invoice_uploaded_over_rest_after_a_rest_ticket_login()
    {
        // Arrange
        var (certificate, key) = KzGostTestPki.Legal("head");
        using var _ = certificate;
        var sessionId = await LogInOverRestAsync(certificate, key);

        // Act
        var invoice = await UploadOverRestAsync(sessionId, certificate, key);

        // Assert
        Assert.That(invoice.GetProperty("status").GetString(), Is.EqualTo("CREATED"), invoice.ToString());
        Assert.That(invoice.GetProperty("signatureValid").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Should_register_an_invoice_signed_by_an_employee_with_signing_right()
    {
        // Arrange: the head logs in; an employee holding the right to sign (1.2.398.3.3.4.1.2.2) signs for the entity.
        var (head, headKey) = KzGostTestPki.Legal("head");
        var (signer, signerKey) = KzGostTestPki.Legal("employee_signright");
        using var _ = head;
        using var __ = signer;
        var sessionId = await LogInOverRestAsync(head, headKey);

        // Act
        var invoice = await UploadOverRestAsync(sessionId, signer, signerKey);

        // Assert
        Assert.That(invoice.GetProperty("status").GetString(), Is.EqualTo("CREATED"), invoice.ToString());
    }

    [Test]
    public async Task Should_fail_an_invoice_signed_with_a_revoked_gost_key()
    {
        // Arrange
        var (head, headKey) = KzGostTestPki.Legal("head");
        var (revoked, revokedKey) = KzGostTestPki.Legal("head", revoked: true);
        using var _ = head;
        using var __ = revoked;
        var sessionId = await LogInOverRestAsync(head, headKey);

        // Act
        var invoice = await UploadOverRestAsync(sessionId, revoked, revokedKey);

        // Assert
        Assert.That(invoice.GetProperty("status").GetString(), Is.EqualTo("FAILED"), invoice.ToString());
        Assert.That(invoice.GetProperty("signatureValid").GetBoolean(), Is.False);
        Assert.That(RuleIds(invoice), Does.Contain("GEN-01"));
        AttackLog.Record("Document signatures", "Sign an invoice with an НУЦ РК GOST key that the CA's CRL lists as revoked",
            "FAILED with GEN-01 SIGNATURE_VERIFICATION_FAILED, signatureValid=false");
    }

    [Test]
    public async Task Should_refuse_a_ticket_login_with_a_revoked_gost_key()
    {
        // Arrange
        var (revoked, revokedKey) = KzGostTestPki.Legal("head", revoked: true);
        using var _ = revoked;
        using var soap = new RawSoapClient(fixture.CreateClient());

        // Act
        var reply = await LogInOverSoapAsync(soap, revoked, revokedKey, expectSuccess: false);

        // Assert
        Logging_in_with_a_signed_ticket.AssertRefused(reply, "CERTIFICATE_REVOKED", "Log in with a GOST ticket signed by a key the НУЦ РК CRL lists", "Certificates");
    }

    [Test]
    public async Task Should_refuse_a_gost_ticket_changed_after_signing()
    {
        // Arrange
        var (certificate, key) = KzGostTestPki.Legal("head");
        using var _ = certificate;
        using var soap = new RawSoapClient(fixture.CreateClient());
        var ticket = await TicketAsync(soap);
        var signed = EnvelopedXmlSignature.Sign(ticket, certificate, key);
        var state = System.Text.RegularExpressions.Regex.Match(ticket, "<state>([^<]+)</state>").Groups[1].Value;

        // Act
        var reply = await soap.PostAsync("SessionService", Envelopes.Envelope(
            $"<esf:createSessionSignedRequest><tin>{KzGostTestPki.LegalEntityBin}</tin><signedAuthTicket>{Envelopes.Escape(signed.Replace(state, "A" + state[1..], StringComparison.Ordinal))}</signedAuthTicket></esf:createSessionSignedRequest>"));

        // Assert
        Logging_in_with_a_signed_ticket.AssertRefused(reply, "SIGNATURE_VERIFICATION_FAILED", "Edit the state of a GOST-signed ticket", "Ticket login");
    }

    [Test]
    public async Task Should_revoke_an_invoice_with_an_id_list_signed_by_a_gost_key()
    {
        // Arrange
        var (certificate, key) = KzGostTestPki.Legal("head");
        using var _ = certificate;
        var sessionId = await LogInOverRestAsync(certificate, key);
        var id = (await UploadOverRestAsync(sessionId, certificate, key)).GetProperty("id").GetInt64();
        StatusChangeItem[] items = [new(id, "ошибка в цене")];
        var signature = InvoiceSignatureVerifier.Sign(StatusChangeSignature.CanonicalText(items), key);
        using var soap = new RawSoapClient(fixture.CreateClient());

        // Act
        var reply = await soap.PostAsync("InvoiceService", Envelopes.Envelope(
            $"<esf:revokeInvoiceByIdRequest><sessionId>{sessionId}</sessionId><signature>{signature}</signature><x509Certificate>{CertificateFactory.ToBase64(certificate)}</x509Certificate>"
            + $"<idWithReasonList><invoiceIdWithReason><id>{id}</id><reason>ошибка в цене</reason></invoiceIdWithReason></idWithReasonList></esf:revokeInvoiceByIdRequest>"));

        // Assert
        Assert.That((reply.Element("isChanged"), reply.Element("invoiceStatus")), Is.EqualTo(("true", "REVOKED")), reply.ToString());
    }

    [Test]
    public async Task Should_upload_from_the_cli_logged_in_with_a_gost_signed_ticket()
    {
        // Arrange
        using var run = new Cli.CliRun();
        run.Write("invoice.xml", System.Text.Encoding.UTF8.GetBytes(Invoice()));

        // Act
        var result = await run.UploadAsync(
            "--url", fixture.BaseAddress.ToString(), "--tin", KzGostTestPki.LegalEntityBin,
            "--pkcs12", KzGostTestPki.Path("nca-test-2022-gost512", "legal", "valid", "head.p12"), "--pkcs12-password", KzGostTestPki.Password,
            "--signed-login", "invoice.xml", "--wait");

        // Assert
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Out, Does.Contain("1 accepted, 0 declined, 1 created, 0 failed, 0 unfinished"));
    }

    [Test]
    public async Task Should_accept_a_legal_entitys_registration_agreement_signed_with_gost_keys()
    {
        // Arrange: the head signs the agreement as a person (individual key) and with the entity's key (head key, БИН).
        var (person, personKey) = KzGostTestPki.Individual();
        var (entity, entityKey) = KzGostTestPki.Legal("head");
        using var _ = person;
        using var __ = entity;
        using var http = fixture.CreateClient();
        var (agreement, nonce) = await AgreementToSign.FetchAsync(http, "LEGAL_ENTITY", KzGostTestPki.HeadIin, KzGostTestPki.LegalEntityBin, "АО «ТЕСТ»");
        var body = new
        {
            kind = "LEGAL_ENTITY", certificate = CertificateFactory.ToBase64(person), fullName = "ТЕСТОВ ТЕСТ", email = $"gost{customerTin}@example.kz",
            password = "Passw0rdUL", passwordConfirmation = "Passw0rdUL", agreementSignature = InvoiceSignatureVerifier.Sign(agreement, personKey),
            agreementNonce = nonce, name = "АО «ТЕСТ»", bin = KzGostTestPki.LegalEntityBin,
            entityCertificate = CertificateFactory.ToBase64(entity), entityAgreementSignature = InvoiceSignatureVerifier.Sign(agreement, entityKey),
        };

        // Act
        using var registered = await http.PostAsJsonAsync("api/v1/participants", body);
        using var wrongKey = await http.PostAsJsonAsync("api/v1/participants",
            body with { email = $"gost2{customerTin}@example.kz", entityAgreementSignature = InvoiceSignatureVerifier.Sign(agreement, personKey) });

        // Assert
        Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await registered.Content.ReadAsStringAsync());
        var problem = JsonDocument.Parse(await wrongKey.Content.ReadAsStringAsync()).RootElement;
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo("SIGNATURE_VERIFICATION_FAILED"), problem.ToString());
    }

    private string Invoice() => TestInvoices.Build(TestTenant.UniqueNum(), ValidDay, KzGostTestPki.LegalEntityBin, customerTin);

    /// <summary>The invoice date: the gateway's day (Astana time) at the pinned clock.</summary>
    private string ValidDay => KazakhstanTime.Of(fixture.Get<TimeProvider>().GetUtcNow()).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> TicketAsync(RawSoapClient soap)
    {
        var reply = await soap.PostAsync("AuthService", Envelopes.Envelope($"<esf:createAuthTicketRequest><iin>{KzGostTestPki.HeadIin}</iin></esf:createAuthTicketRequest>"));
        return reply.Element("authTicketXml") ?? throw new AssertionException(reply.ToString());
    }

    private static async Task<SoapReply> LogInOverSoapAsync(RawSoapClient soap, X509Certificate2 certificate, GostPrivateKey key, bool expectSuccess = true)
    {
        var signed = EnvelopedXmlSignature.Sign(await TicketAsync(soap), certificate, key);
        var reply = await soap.PostAsync("SessionService", Envelopes.Envelope(
            $"<esf:createSessionSignedRequest><tin>{KzGostTestPki.LegalEntityBin}</tin><signedAuthTicket>{Envelopes.Escape(signed)}</signedAuthTicket></esf:createSessionSignedRequest>"));
        if (expectSuccess)
        {
            Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.ToString());
        }

        return reply;
    }

    private async Task<string> LogInOverRestAsync(X509Certificate2 certificate, GostPrivateKey key)
    {
        using var http = fixture.CreateClient();
        using var ticket = await http.PostAsJsonAsync("api/v1/sessions/tickets", new { iin = KzGostTestPki.HeadIin });
        var ticketXml = JsonDocument.Parse(await ticket.Content.ReadAsStringAsync()).RootElement.GetProperty("authTicketXml").GetString()!;
        using var login = await http.PostAsJsonAsync("api/v1/sessions/signed", new
        {
            tin = KzGostTestPki.LegalEntityBin, signedAuthTicket = EnvelopedXmlSignature.Sign(ticketXml, certificate, key),
        });
        var answer = await login.Content.ReadAsStringAsync();
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Created), answer);
        return JsonDocument.Parse(answer).RootElement.GetProperty("sessionId").GetString()!;
    }

    private async Task<JsonElement> UploadOverRestAsync(string sessionId, X509Certificate2 signer, GostPrivateKey key)
    {
        using var http = Authorized(sessionId);
        var body = Invoice();
        using var upload = await http.PostAsJsonAsync("api/v1/invoices", new
        {
            certificate = CertificateFactory.ToBase64(signer),
            invoices = new[] { new { body, version = "InvoiceV2", signature = InvoiceSignatureVerifier.Sign(body, key), signatureType = "COMPANY" } },
        });
        var answer = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement;
        Assert.That(answer.GetProperty("accepted").GetArrayLength(), Is.EqualTo(1), answer.ToString());
        return await FinishedAsync(sessionId, answer.GetProperty("accepted")[0].GetProperty("id").GetInt64());
    }

    private async Task<JsonElement> FinishedAsync(string sessionId, long id)
    {
        using var http = Authorized(sessionId);
        return await Poller.UntilAsync(
            async () => JsonDocument.Parse(await http.GetStringAsync($"api/v1/invoices/{id}")).RootElement.Clone(),
            view => view.GetProperty("status").GetString() is "CREATED" or "FAILED", "the GOST-signed invoice to be processed");
    }

    private HttpClient Authorized(string sessionId)
    {
        var http = fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sessionId);
        return http;
    }

    private static IEnumerable<string?> RuleIds(JsonElement invoice) =>
        invoice.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("ruleId").GetString());

    private async Task ExecuteAsync(string sql, object parameters)
    {
        await using var connection = await fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        await connection.ExecuteAsync(sql, parameters);
    }
}
