using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dapper;
using Esf.Infrastructure.Signatures;
using Npgsql;
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

    [Test]
    public async Task Should_store_the_text_of_a_body_sent_in_a_utf16_envelope_as_utf8()
    {
        // The envelope's encoding is the XML's business: the body is its text, signed, hashed and stored as that text's UTF-8.
        using var client = RawSoapClient.Create();
        var session = await SoapSession.OpenAsync(client);
        var body = TestInvoices.Build(session.Tenant);

        var stored = await UploadAndReadBackAsync(client, session, Envelopes.EscapedUploadInfo(body, session.Tenant.Sign(body)), Encoding.Unicode);

        Assert.That(stored, Is.EqualTo(body));
        Assert.That(await StoredHashAsync(session, body), Is.EqualTo(Sha256Hex.Of(Encoding.UTF8.GetBytes(body))));
    }

    private static async Task<string?> StoredHashAsync(SoapSession session, string body)
    {
        await using var connection = await SoapGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        return await connection.QuerySingleAsync<string>(
            "SELECT hash FROM invoices WHERE seller_tin = @Tin AND body = @Body", new { Tin = session.Tenant.SellerTin, Body = body });
    }

    private static async Task<string?> UploadAndReadBackAsync(RawSoapClient client, SoapSession session, string uploadInfo, Encoding? encoding = null)
    {
        var envelope = Envelopes.SyncInvoice(session.SessionId, session.Tenant.CertificateBase64, uploadInfo);
        using var content = new ByteArrayContent(encoding is null
            ? Encoding.UTF8.GetBytes(envelope)
            : [.. encoding.GetPreamble(), .. encoding.GetBytes($"<?xml version=\"1.0\" encoding=\"{encoding.WebName}\"?>{envelope}")]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"text/xml; charset={(encoding ?? Encoding.UTF8).WebName}");
        var upload = await client.SendAsync("UploadInvoiceService", content);
        Assert.That(upload.Status, Is.EqualTo(HttpStatusCode.OK), upload.ToString());
        var id = long.Parse(upload.Element("id") ?? throw new AssertionException($"Not accepted: {upload}"));

        var query = await client.PostAsync("InvoiceService", Envelopes.ById("queryInvoiceByIdRequest", session.SessionId, id));
        Assert.That(query.Body, Does.Contain("<esf:queryInvoiceByIdResponse xmlns:esf=\"esf\"><lastBlock>true</lastBlock>"));
        return query.Element("invoiceBody");
    }
}
