using System.Net;
using Esf.Infrastructure.Registry;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Soap;

/// <summary>Raw envelopes in the shapes public clients send: the body element alone picks the operation.</summary>
[TestFixture]
public sealed class Dispatching_soap_requests
{
    [TestCase(RawSoapClient.Absent)]
    [TestCase("")]
    [TestCase("\"\"")]
    [TestCase("\"esf/SessionService/createSession\"")]
    [TestCase("foo")]
    [TestCase("\"esf/SessionService/closeSession\"")]
    public async Task Should_dispatch_createSession_by_the_body_whatever_the_SOAPAction(string soapAction)
    {
        using var client = RawSoapClient.Create();
        using var tenant = await TestTenant.CreateAsync(SoapGateway.Fixture);

        var reply = await client.PostAsync("SessionService", Envelopes.CreateSession(tenant), soapAction);

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.ToString());
        Assert.That(reply.Element("sessionId"), Does.Contain(tenant.SellerTin));
    }

    [Test]
    public async Task Should_answer_createSession_with_the_ns2_prefix_and_a_soap_envelope()
    {
        using var client = RawSoapClient.Create();
        using var tenant = await TestTenant.CreateAsync(SoapGateway.Fixture);

        var reply = await client.PostAsync("SessionService", Envelopes.CreateSession(tenant));

        Assert.That(reply.ContentType, Is.EqualTo("text/xml; charset=utf-8"));
        Assert.That(reply.Body, Does.StartWith(
            "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
            + "<ns2:createSessionResponse xmlns:ns2=\"esf\"><sessionId>"));
        Assert.That(reply.Body, Does.Not.Contain("xmlns:xsi").And.Not.Contain("xmlns:xsd"));
    }

    [Test]
    public async Task Should_read_a_default_namespace_request_with_children_reset_to_no_namespace()
    {
        using var client = RawSoapClient.Create();
        using var tenant = await TestTenant.CreateAsync(SoapGateway.Fixture);
        // The WCF shape: s: envelope, <createSessionRequest xmlns="esf"> and children with xmlns="", a header without mustUnderstand.
        var envelope =
            $"""
            <s:Envelope xmlns:s="{Envelopes.Soap11}"><s:Header>
            <o:Security xmlns:o="{Envelopes.Wsse}"><o:UsernameToken><o:Username>{tenant.UserIin}</o:Username><o:Password>{tenant.Password}</o:Password></o:UsernameToken></o:Security>
            <Extra xmlns="urn:ignored" s:mustUnderstand="0">ignored</Extra></s:Header>
            <s:Body><createSessionRequest xmlns="esf"><tin xmlns="">{tenant.SellerTin}</tin><x509Certificate xmlns="">{tenant.CertificateBase64}</x509Certificate></createSessionRequest></s:Body></s:Envelope>
            """;

        var reply = await client.PostAsync("SessionService", envelope, RawSoapClient.Absent);

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.ToString());
        Assert.That(reply.Element("sessionId"), Does.Contain(tenant.SellerTin));
    }

    [Test]
    public async Task Should_answer_syncInvoice_with_the_esf_prefix()
    {
        using var client = RawSoapClient.Create();
        var session = await SoapSession.OpenAsync(client);
        var body = TestInvoices.Build(session.Tenant);

        var reply = await client.PostAsync("UploadInvoiceService", Envelopes.SyncInvoice(
            session.SessionId, session.Tenant.CertificateBase64, Envelopes.EscapedUploadInfo(body, session.Tenant.Sign(body))));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.ToString());
        Assert.That(reply.Body, Does.StartWith(
            "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
            + "<esf:syncInvoiceResponse xmlns:esf=\"esf\"><acceptedSet><standardResponse><id>"));
        Assert.That(reply.Body, Does.Contain("<declinedSet />").Or.Contain("<declinedSet/>").Or.Contain("<declinedSet></declinedSet>"));
        Assert.That(reply.Body, Does.Not.Contain("<errors"));
    }

    [Test]
    public async Task Should_answer_currentSessionStatus_and_currentUserProfiles()
    {
        using var client = RawSoapClient.Create();
        var session = await SoapSession.OpenAsync(client);

        var status = await client.PostAsync("SessionService", Envelopes.SessionCall("currentSessionStatusRequest", session.SessionId));
        var profiles = await client.PostAsync("SessionService", Envelopes.SessionCall("currentUserProfilesRequest", session.SessionId));

        Assert.That(status.Body, Does.Contain("<ns2:currentSessionStatusResponse xmlns:ns2=\"esf\"><status>OK</status>"));
        Assert.That(profiles.Element("iin"), Is.EqualTo(session.Tenant.UserIin));
        Assert.That(profiles.Element("tin"), Is.EqualTo(session.Tenant.SellerTin));
        Assert.That(profiles.Element("businessProfileType"), Is.EqualTo("ADMIN_ENTERPRISE"));
        Assert.That(profiles.Element("type"), Is.EqualTo("GENERAL"));
    }

    /// <summary>
    /// profileInfo/type is what the real service returns per profile: PROJECT for the project profiles (PROJECT_ADMIN,
    /// PROJECT_USER), GENERAL for the others (esf-api-facts §3.8, §9.11).
    /// </summary>
    [Test]
    public async Task Should_answer_the_type_of_each_profile_in_currentUserProfiles()
    {
        using var client = RawSoapClient.Create();
        var session = await SoapSession.OpenAsync(client);
        var registry = SoapGateway.Fixture.Get<RegistryWriter>();
        var project = TestTenant.UniqueTin();
        await registry.AddTaxpayerAsync(project, $"ТОО «Проект {project}»");
        await registry.AddUserAsync(session.Tenant.UserIin, session.Tenant.Password, project, "PROJECT_USER");

        var profiles = await client.PostAsync("SessionService", Envelopes.SessionCall("currentUserProfilesRequest", session.SessionId));

        var byTin = profiles.Xml.Descendants().Where(e => e.Name.LocalName == "profileInfo").ToDictionary(
            p => p.Elements().Single(e => e.Name.LocalName == "tin").Value,
            p => (Profile: p.Elements().Single(e => e.Name.LocalName == "businessProfileType").Value,
                Type: p.Elements().Single(e => e.Name.LocalName == "type").Value));
        Assert.That(byTin, Is.EquivalentTo(new Dictionary<string, (string, string)>
        {
            [session.Tenant.SellerTin] = ("ADMIN_ENTERPRISE", "GENERAL"),
            [project] = ("PROJECT_USER", "PROJECT"),
        }));
    }

    [Test]
    public async Task Should_close_the_open_session_by_credentials_with_a_closeSessionResponse()
    {
        using var client = RawSoapClient.Create();
        var session = await SoapSession.OpenAsync(client);
        var tenant = session.Tenant;
        var request = Envelopes.Envelope(
            $"<esf:closeSessionByCredentialsRequest><tin>{tenant.SellerTin}</tin><x509Certificate>{tenant.CertificateBase64}</x509Certificate></esf:closeSessionByCredentialsRequest>",
            Envelopes.UsernameToken(tenant.UserIin, tenant.Password));

        var reply = await client.PostAsync("SessionService", request);
        var status = await client.PostAsync("SessionService", Envelopes.SessionCall("currentSessionStatusRequest", session.SessionId));

        Assert.That(reply.Body, Does.Contain("<ns2:closeSessionResponse xmlns:ns2=\"esf\"><status>CLOSED</status>"));
        Assert.That(status.Element("status"), Is.EqualTo("CLOSED"));
    }

    [Test]
    public async Task Should_answer_getVersion_without_a_session()
    {
        using var client = RawSoapClient.Create();

        var reply = await client.PostAsync("VersionService", Envelopes.Envelope("<esf:esfVersionRequest/>"), RawSoapClient.Absent);

        Assert.That(reply.Body, Does.Contain("<ns2:esfVersionResponse xmlns:ns2=\"esf\"><version>InvoiceV2</version>"));
    }

    [Test]
    public async Task Should_answer_a_soap_1_2_envelope_in_soap_1_2()
    {
        using var client = RawSoapClient.Create();
        const string Envelope =
            """<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><esfVersionRequest xmlns="esf"/></env:Body></env:Envelope>""";

        var reply = await client.PostAsync("VersionService", Envelope, RawSoapClient.Absent, "application/soap+xml; charset=utf-8");

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.ToString());
        Assert.That(reply.ContentType, Does.StartWith("application/soap+xml"));
        Assert.That(reply.Body, Does.StartWith("<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\">"));
        Assert.That(reply.Element("version"), Is.EqualTo("InvoiceV2"));
    }
}
