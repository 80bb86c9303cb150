using System.ServiceModel;
using Esf.Tests.Infrastructure;
using Esf.Tests.Soap.Wcf;
using NUnit.Framework;

namespace Esf.Tests.Soap;

/// <summary>A WCF client built like dotnet-svcutil output from the ESF WSDLs, over BasicHttpBinding, against the running gateway.</summary>
[TestFixture]
public sealed class Talking_to_the_gateway_with_a_wcf_client
{
    private static Uri Base => SoapGateway.Fixture.BaseAddress;

    [Test]
    public async Task Should_answer_getVersion_with_InvoiceV2()
    {
        var versions = WcfClients.Create<IWcfVersionService>(Base, "VersionService");

        var reply = await versions.GetVersionAsync(new WcfGetVersionRequestMessage());

        Assert.That(reply.Body?.Version, Is.EqualTo("InvoiceV2"));
    }

    [Test]
    public async Task Should_open_a_session_and_describe_the_current_user()
    {
        using var tenant = await TestTenant.CreateAsync(SoapGateway.Fixture);
        var sessions = SessionClient(tenant);

        var sessionId = await CreateSessionAsync(sessions, tenant);
        var status = await sessions.CurrentSessionStatusAsync(new() { Body = new() { SessionId = sessionId } });
        var user = await sessions.CurrentUserAsync(new() { Body = new() { SessionId = sessionId } });

        Assert.That(sessionId, Does.Match($"^[0-9a-f]{{32}}-{tenant.SellerTin}-"));
        Assert.That(status.Body?.Status, Is.EqualTo(WcfSessionStatus.OK));
        Assert.That(user.Body?.User?.Login, Is.EqualTo(tenant.UserIin));
        Assert.That(user.Body?.User?.Status, Is.EqualTo("ACTIVE"));
        Assert.That(user.Body?.User?.Taxpayer?.Tin, Is.EqualTo(tenant.SellerTin));
        Assert.That(user.Body?.User?.Taxpayer?.NameRu, Does.Contain(tenant.SellerTin));
    }

    [Test]
    public async Task Should_upload_register_and_trace_invoices()
    {
        using var tenant = await TestTenant.CreateAsync(SoapGateway.Fixture);
        var sessionId = await CreateSessionAsync(SessionClient(tenant), tenant);
        var uploads = WcfClients.Create<IWcfUploadInvoiceService>(Base, "UploadInvoiceService");
        var invoices = WcfClients.Create<IWcfInvoiceService>(Base, "InvoiceService");
        var valid = TestInvoices.Build(tenant);
        var wrongVersion = TestInvoices.Build(tenant);

        var upload = await uploads.SyncInvoiceAsync(new()
        {
            Body = new()
            {
                SessionId = sessionId,
                X509Certificate = tenant.CertificateBase64,
                InvoiceUploadInfoList =
                [
                    new() { InvoiceBody = valid, Version = "InvoiceV2", Signature = tenant.Sign(valid), SignatureType = "COMPANY" },
                    new() { InvoiceBody = wrongVersion, Version = "InvoiceV9", Signature = tenant.Sign(wrongVersion), SignatureType = "COMPANY" },
                ],
            },
        });
        var accepted = upload.Body!.AcceptedSet.Single();
        var invoice = await Poller.UntilAsync(
            async () => (await invoices.QueryInvoiceByIdAsync(ById(sessionId, accepted.Id))).Body!.InvoiceInfoList.Single(),
            i => i.InvoiceStatus == WcfInvoiceStatus.CREATED, "the invoice to be registered");
        var history = await invoices.QueryInvoiceHistoryByIdAsync(new() { Body = ById(sessionId, accepted.Id).Body });

        Assert.That(accepted.IdSpecified, Is.True);
        Assert.That(accepted.Errors, Is.Null.Or.Empty);
        Assert.That(upload.Body.DeclinedSet.Single().Errors?.Select(e => e.Property), Does.Contain("version"));
        Assert.That(invoice.RegistrationNumber, Does.Match(@"^ESF-\d{12}-\d{8}-\d{8}$"));
        Assert.That(invoice.InvoiceBody, Is.EqualTo(valid));
        Assert.That(invoice.SignatureValid, Is.True);
        Assert.That(
            history.Body!.ResultList.Select(h => h.Status),
            Is.EqualTo(new[] { WcfInvoiceStatus.IN_QUEUE, WcfInvoiceStatus.CREATED }));
    }

    [Test]
    public async Task Should_report_the_errors_of_a_failed_invoice()
    {
        using var tenant = await TestTenant.CreateAsync(SoapGateway.Fixture);
        var sessionId = await CreateSessionAsync(SessionClient(tenant), tenant);
        var uploads = WcfClients.Create<IWcfUploadInvoiceService>(Base, "UploadInvoiceService");
        var invoices = WcfClients.Create<IWcfInvoiceService>(Base, "InvoiceService");
        var unknownCustomer = TestInvoices.Build(TestTenant.UniqueNum(), TestInvoices.Today, tenant.SellerTin, TestTenant.UniqueTin());

        var upload = await uploads.SyncInvoiceAsync(new()
        {
            Body = new()
            {
                SessionId = sessionId,
                X509Certificate = tenant.CertificateBase64,
                InvoiceUploadInfoList =
                [
                    new() { InvoiceBody = unknownCustomer, Version = "InvoiceV2", Signature = tenant.Sign(unknownCustomer), SignatureType = "COMPANY" },
                ],
            },
        });
        var id = upload.Body!.AcceptedSet.Single().Id;
        await Poller.UntilAsync(
            async () => (await invoices.QueryInvoiceByIdAsync(ById(sessionId, id))).Body!.InvoiceInfoList.Single().InvoiceStatus,
            s => s == WcfInvoiceStatus.FAILED, "the invoice to fail");
        var errors = await invoices.QueryInvoiceErrorByIdAsync(new() { Body = ById(sessionId, id).Body });

        var invoiceError = errors.Body!.InvoiceErrorList.Single();
        Assert.That(invoiceError.InvoiceId, Is.EqualTo(id));
        Assert.That(invoiceError.Errors?.Select(e => e.ErrorCode), Is.EqualTo(new[] { "CUSTOMER_TIN_ABSENT_IN_DICTIONARY" }));
        Assert.That(invoiceError.Errors?[0].Text, Is.Not.Empty);
    }

    [Test]
    public async Task Should_refuse_business_calls_after_closeSession()
    {
        using var tenant = await TestTenant.CreateAsync(SoapGateway.Fixture);
        var sessions = SessionClient(tenant);
        var sessionId = await CreateSessionAsync(sessions, tenant);
        var invoices = WcfClients.Create<IWcfInvoiceService>(Base, "InvoiceService");

        var closed = await sessions.CloseSessionAsync(new() { Body = new() { SessionId = sessionId } });
        var fault = await Assert.ThrowsAsync<FaultException>(() => invoices.QueryInvoiceByIdAsync(ById(sessionId, 1)));

        Assert.That(closed.Body?.Status, Is.EqualTo(WcfSessionStatus.CLOSED));
        Assert.That(fault!.Message, Is.EqualTo("No open session associated with user."));
    }

    private static IWcfSessionService SessionClient(TestTenant tenant) =>
        WcfClients.Create<IWcfSessionService>(Base, "SessionService", new UsernameTokenBehavior(tenant.UserIin, tenant.Password));

    private static async Task<string> CreateSessionAsync(IWcfSessionService sessions, TestTenant tenant)
    {
        var reply = await sessions.CreateSessionAsync(new() { Body = new() { Tin = tenant.SellerTin, X509Certificate = tenant.CertificateBase64 } });
        return reply.Body!.SessionId!;
    }

    private static WcfQueryInvoiceByIdRequestMessage ById(string sessionId, long id) =>
        new() { Body = new() { SessionId = sessionId, IdList = [id] } };
}
