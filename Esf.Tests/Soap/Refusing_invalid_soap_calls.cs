using System.Net;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Soap;

/// <summary>Well-formed calls the gateway cannot serve get the fault a real ESF client expects.</summary>
[TestFixture]
public sealed class Refusing_invalid_soap_calls
{
    [Test]
    public async Task Should_refuse_an_unknown_body_element_with_the_cxf_text()
    {
        using var client = RawSoapClient.Create();

        var reply = await client.PostAsync("SessionService", Envelopes.Envelope("<esf:syncInvoiceRequest/>"));

        AssertClientFault(reply);
        Assert.That(reply.FaultString, Is.EqualTo("Unexpected wrapper element {esf}syncInvoiceRequest found."));
    }

    [Test]
    public async Task Should_name_a_missing_required_element()
    {
        using var client = RawSoapClient.Create();
        using var tenant = await TestTenant.CreateAsync(SoapGateway.Fixture);
        // A qualified child is not the unqualified tin the schema wants: it reads as missing, as on the real server.
        var envelope = Envelopes.Envelope(
            $"<esf:createSessionRequest><esf:tin>{tenant.SellerTin}</esf:tin><x509Certificate>{tenant.CertificateBase64}</x509Certificate></esf:createSessionRequest>",
            Envelopes.UsernameToken(tenant.UserIin, tenant.Password));

        var reply = await client.PostAsync("SessionService", envelope);

        AssertClientFault(reply);
        Assert.That(reply.FaultString, Does.StartWith("cvc-complex-type").And.Contain("'{tin}'"));
    }

    [Test]
    public async Task Should_answer_createSession_without_a_UsernameToken_with_the_wss4j_security_fault()
    {
        using var client = RawSoapClient.Create();
        using var tenant = await TestTenant.CreateAsync(SoapGateway.Fixture);
        var envelope = Envelopes.Envelope(
            $"<esf:createSessionRequest><tin>{tenant.SellerTin}</tin><x509Certificate>{tenant.CertificateBase64}</x509Certificate></esf:createSessionRequest>");

        var reply = await client.PostAsync("SessionService", envelope);

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(reply.FaultString, Is.EqualTo("A security error was encountered when verifying the message"));
        Assert.That(reply.FaultCode, Is.EqualTo("ns1:SecurityError"));
    }

    [Test]
    public async Task Should_answer_a_wrong_password_with_the_bare_error_code()
    {
        using var client = RawSoapClient.Create();
        using var tenant = await TestTenant.CreateAsync(SoapGateway.Fixture);
        var envelope = Envelopes.Envelope(
            $"<esf:createSessionRequest><tin>{tenant.SellerTin}</tin><x509Certificate>{tenant.CertificateBase64}</x509Certificate></esf:createSessionRequest>",
            Envelopes.UsernameToken(tenant.UserIin, "wrong"));

        var reply = await client.PostAsync("SessionService", envelope);

        Assert.That(reply.FaultCode, Is.EqualTo("soap:Server"));
        Assert.That(reply.FaultString, Is.EqualTo("PASSWORD_INVALID"));
        Assert.That(reply.Body, Does.Contain("<detail><ns2:businessException xmlns:ns2=\"esf\"><description>PASSWORD_INVALID</description>"));
    }

    [Test]
    public async Task Should_answer_a_business_call_without_an_open_session_with_sessionClosedException()
    {
        using var client = RawSoapClient.Create();

        var invoices = await client.PostAsync("InvoiceService", Envelopes.ById("queryInvoiceByIdRequest", "no-such-session", 1));
        var user = await client.PostAsync("SessionService", Envelopes.SessionCall("currentUserRequest", "no-such-session"));

        Assert.That(invoices.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(invoices.Body, Does.Contain(
            "<soap:Fault><faultcode>soap:Server</faultcode><faultstring>No open session associated with user.</faultstring>"
            + "<detail><esf:sessionClosedException xmlns:esf=\"esf\"><description>No open session associated with user.</description>"));
        Assert.That(user.Body, Does.Contain("<ns2:sessionClosedException xmlns:ns2=\"esf\">"));
    }

    [Test]
    public async Task Should_refuse_an_empty_invoiceUploadInfoList_with_a_business_fault()
    {
        using var client = RawSoapClient.Create();
        var session = await SoapSession.OpenAsync(client);

        var reply = await client.PostAsync("UploadInvoiceService", Envelopes.SyncInvoice(session.SessionId, session.Tenant.CertificateBase64));

        Assert.That(reply.FaultString, Does.Contain("invoiceUploadInfoList is empty"));
        Assert.That(reply.Body, Does.Contain("<esf:businessException xmlns:esf=\"esf\">"));
    }

    private static void AssertClientFault(SoapReply reply)
    {
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.InternalServerError), reply.ToString());
        Assert.That(reply.ContentType, Is.EqualTo("text/xml; charset=utf-8"));
        Assert.That(reply.FaultCode, Is.EqualTo("soap:Client"), reply.ToString());
    }
}
