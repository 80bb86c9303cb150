using System.ServiceModel;
using Esf.Tests.Infrastructure;
using Esf.Tests.Soap.Wcf;
using NUnit.Framework;

namespace Esf.Tests.Soap;

/// <summary>
/// Esf:Soap:LegacyStatusCompatibility. Both gateways here run without a worker, so uploaded invoices stay IN_QUEUE:
/// a client generated from the 2020 WSDL (12 statuses) cannot read IN_QUEUE, unless the switch hides queued invoices.
/// </summary>
[TestFixture]
public sealed class Serving_clients_of_the_2020_wsdl
{
    private GatewayFixture legacy = null!;
    private GatewayFixture current = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // Private hosts, gateway role only (invoices stay IN_QUEUE): one with the 2020 compatibility switch, one without.
        legacy = await GatewayFixture.StartAsync(roles: "gateway", settings: new Dictionary<string, string?> { ["Esf:Soap:LegacyStatusCompatibility"] = "true" });
        current = await GatewayFixture.StartAsync(roles: "gateway");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await legacy.DisposeAsync();
        await current.DisposeAsync();
    }

    [Test]
    public async Task Should_hide_a_queued_invoice_from_queryInvoiceById_when_the_switch_is_on()
    {
        var (sessionId, id) = await UploadQueuedInvoiceAsync(legacy);
        var oldClient = WcfClients.Create<IWcfLegacyInvoiceService>(legacy.BaseAddress, "InvoiceService");

        var reply = await oldClient.QueryInvoiceByIdAsync(ById(sessionId, id));

        Assert.That(reply.Body?.RsCount, Is.Zero);
        Assert.That(reply.Body?.InvoiceInfoList, Is.Empty);
    }

    [Test]
    public async Task Should_show_a_registered_invoice_to_an_old_client_when_the_switch_is_on()
    {
        // Registered by the shared gateway, which has a worker; both gateways use the same database.
        using var client = new RawSoapClient(SoapGateway.Fixture.CreateClient());
        var session = await SoapSession.OpenAsync(client);
        var body = TestInvoices.Build(session.Tenant);
        var upload = await client.PostAsync("UploadInvoiceService", Envelopes.SyncInvoice(
            session.SessionId, session.Tenant.CertificateBase64, Envelopes.EscapedUploadInfo(body, session.Tenant.Sign(body))));
        var id = long.Parse(upload.Element("id")!);
        var oldClient = WcfClients.Create<IWcfLegacyInvoiceService>(legacy.BaseAddress, "InvoiceService");

        var reply = await Poller.UntilAsync(
            () => oldClient.QueryInvoiceByIdAsync(ById(session.SessionId, id)), r => r.Body?.RsCount == 1, "the invoice to be registered");

        Assert.That(reply.Body!.InvoiceInfoList.Single().InvoiceStatus, Is.EqualTo(WcfLegacyInvoiceStatus.CREATED));
    }

    [Test]
    public async Task Should_list_a_queued_invoice_as_IN_QUEUE_when_the_switch_is_off()
    {
        var (sessionId, id) = await UploadQueuedInvoiceAsync(current);
        var newClient = WcfClients.Create<IWcfInvoiceService>(current.BaseAddress, "InvoiceService");
        var oldClient = WcfClients.Create<IWcfLegacyInvoiceService>(current.BaseAddress, "InvoiceService");

        var reply = await newClient.QueryInvoiceByIdAsync(ById(sessionId, id));

        Assert.That(reply.Body?.RsCount, Is.EqualTo(1));
        Assert.That(reply.Body!.InvoiceInfoList.Single().InvoiceStatus, Is.EqualTo(WcfInvoiceStatus.IN_QUEUE));
        // Why the switch exists: the 2020 contract cannot even read this reply.
        Assert.That(() => oldClient.QueryInvoiceByIdAsync(ById(sessionId, id)), Throws.InstanceOf<CommunicationException>());
    }

    private static async Task<(string SessionId, long Id)> UploadQueuedInvoiceAsync(GatewayFixture gateway)
    {
        using var client = new RawSoapClient(gateway.CreateClient());
        using var tenant = await TestTenant.CreateAsync(gateway);
        var created = await client.PostAsync("SessionService", Envelopes.CreateSession(tenant));
        var sessionId = created.Element("sessionId") ?? throw new AssertionException(created.ToString());
        var body = TestInvoices.Build(tenant);
        var upload = await client.PostAsync("UploadInvoiceService", Envelopes.SyncInvoice(
            sessionId, tenant.CertificateBase64, Envelopes.EscapedUploadInfo(body, tenant.Sign(body))));
        return (sessionId, long.Parse(upload.Element("id") ?? throw new AssertionException(upload.ToString())));
    }

    private static WcfQueryInvoiceByIdRequestMessage ById(string sessionId, long id) =>
        new() { Body = new() { SessionId = sessionId, IdList = [id] } };
}
