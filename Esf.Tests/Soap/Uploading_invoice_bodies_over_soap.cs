using System.Net;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Soap;

/// <summary>The invoice body is signed text: it must be stored and returned exactly as sent, CDATA or escaped.</summary>
[TestFixture]
public sealed class Uploading_invoice_bodies_over_soap
{
    [Test]
    public async Task Should_store_an_escaped_body_with_carriage_returns_byte_for_byte()
    {
        using var client = RawSoapClient.Create();
        var session = await SoapSession.OpenAsync(client);
        // CR LF line ends (sent as &#xD; plus a raw LF), Cyrillic, an escaped ampersand and edge spaces.
        var body = "  " + TestInvoices.Build(session.Tenant).ReplaceLineEndings("\r\n") + " \r\n";

        var stored = await UploadAndReadBackAsync(client, session, Envelopes.EscapedUploadInfo(body, session.Tenant.Sign(body)));

        Assert.That(stored, Is.EqualTo(body));
        Assert.That(stored, Does.Contain("\r\n").And.Contain("Бумага офисная А4 &amp; картон"));
    }

    [Test]
    public async Task Should_store_a_cdata_body_byte_for_byte_with_the_xs_all_children_in_any_order()
    {
        using var client = RawSoapClient.Create();
        var session = await SoapSession.OpenAsync(client);
        var body = " " + TestInvoices.Build(session.Tenant) + "  ";

        var stored = await UploadAndReadBackAsync(client, session, Envelopes.CdataUploadInfo(body, session.Tenant.Sign(body)));

        Assert.That(stored, Is.EqualTo(body));
    }

    private static async Task<string?> UploadAndReadBackAsync(RawSoapClient client, SoapSession session, string uploadInfo)
    {
        var upload = await client.PostAsync(
            "UploadInvoiceService", Envelopes.SyncInvoice(session.SessionId, session.Tenant.CertificateBase64, uploadInfo));
        Assert.That(upload.Status, Is.EqualTo(HttpStatusCode.OK), upload.ToString());
        var id = long.Parse(upload.Element("id") ?? throw new AssertionException($"Not accepted: {upload}"));

        var query = await client.PostAsync("InvoiceService", Envelopes.ById("queryInvoiceByIdRequest", session.SessionId, id));
        Assert.That(query.Body, Does.Contain("<esf:queryInvoiceByIdResponse xmlns:esf=\"esf\"><lastBlock>true</lastBlock>"));
        return query.Element("invoiceBody");
    }
}
