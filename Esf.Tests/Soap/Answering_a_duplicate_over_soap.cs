using System.Net;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Soap;

/// <summary>
/// A-02 that helps, over SOAP (ADR 0020): queryInvoiceErrorById keeps the real wire's error list and names the registered
/// original in the HTTP header X-Esf-Duplicate-Of, which old clients never read.
/// </summary>
[TestFixture]
public sealed class Answering_a_duplicate_over_soap
{
    [Test]
    public async Task Should_name_the_original_in_a_header_beside_the_unchanged_error_list()
    {
        using var client = RawSoapClient.Create();
        var session = await SoapSession.OpenAsync(client);
        var num = TestTenant.UniqueNum();
        var original = await UploadAndWaitAsync(client, session, num);
        var duplicate = await UploadAndWaitAsync(client, session, num);

        var errors = await client.PostAsync("InvoiceService", Envelopes.ById("queryInvoiceErrorByIdRequest", session.SessionId, duplicate.Id));

        Assert.That((original.Status, duplicate.Status), Is.EqualTo(("CREATED", "FAILED")));
        Assert.That(errors.Element("errorCode"), Is.EqualTo("NOT_UNIQUE_DB_ERROR_MSG"), errors.ToString());
        Assert.That(errors.Body, Does.Not.Contain(original.RegistrationNumber), "the envelope stays the real wire's");
        Assert.That(errors.DuplicateOf, Is.EqualTo($"{duplicate.Id}; id={original.Id}; registrationNumber={original.RegistrationNumber}"));
    }

    [Test]
    public async Task Should_send_no_header_when_nothing_asked_for_is_a_duplicate()
    {
        using var client = RawSoapClient.Create();
        var session = await SoapSession.OpenAsync(client);
        var created = await UploadAndWaitAsync(client, session, TestTenant.UniqueNum());

        var errors = await client.PostAsync("InvoiceService", Envelopes.ById("queryInvoiceErrorByIdRequest", session.SessionId, created.Id));

        Assert.That(errors.Status, Is.EqualTo(HttpStatusCode.OK), errors.ToString());
        Assert.That(errors.DuplicateOf, Is.Null);
    }

    private static async Task<(long Id, string? Status, string? RegistrationNumber)> UploadAndWaitAsync(
        RawSoapClient client, SoapSession session, string num)
    {
        var body = TestInvoices.Build(session.Tenant, num);
        var upload = await client.PostAsync(
            "UploadInvoiceService", Envelopes.SyncInvoice(session.SessionId, session.Tenant.CertificateBase64, Envelopes.EscapedUploadInfo(body, session.Tenant.Sign(body))));
        var id = long.Parse(upload.Element("id") ?? throw new AssertionException($"Not accepted: {upload}"));
        var processed = await Poller.UntilAsync(
            () => client.PostAsync("InvoiceService", Envelopes.ById("queryInvoiceByIdRequest", session.SessionId, id)),
            reply => reply.Element("invoiceStatus") is "CREATED" or "FAILED",
            $"invoice {id} to be CREATED or FAILED");
        return (id, processed.Element("invoiceStatus"), processed.Element("registrationNumber"));
    }
}
