using System.Net;
using System.Text;
using NUnit.Framework;

namespace Esf.Tests.Soap;

/// <summary>Hostile or broken XML gets a clear soap:Client fault before anything runs.</summary>
[TestFixture]
public sealed class Refusing_hostile_xml
{
    [Test]
    public async Task Should_refuse_a_dtd_without_expanding_its_entity()
    {
        using var client = RawSoapClient.Create();
        var envelope = "<!DOCTYPE x [<!ENTITY inject \"INJECTED\">]>" + Envelopes.Envelope("<esf:esfVersionRequest>&inject;</esf:esfVersionRequest>");

        var reply = await client.PostAsync("VersionService", envelope);

        AssertClientFault(reply);
        Assert.That(reply.FaultString, Does.Contain("DTD is prohibited"));
        Assert.That(reply.Body, Does.Not.Contain("INJECTED"));
    }

    [Test]
    public async Task Should_refuse_billion_laughs_at_once()
    {
        using var client = RawSoapClient.Create();
        var entities = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : i - 1)};", 10))}\">");
        }

        var envelope = entities + "]>" + Envelopes.Envelope("<esf:esfVersionRequest>&lol9;</esf:esfVersionRequest>");

        var reply = await client.PostAsync("VersionService", envelope);

        AssertClientFault(reply);
        Assert.That(reply.FaultString, Does.Contain("DTD is prohibited"));
    }

    [TestCase("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body><esf:esfVersionRequest xmlns:esf=\"esf\">")]
    [TestCase("this is not XML")]
    [TestCase("")]
    public async Task Should_answer_malformed_xml_with_a_client_fault(string envelope)
    {
        using var client = RawSoapClient.Create();

        var reply = await client.PostAsync("VersionService", envelope);

        AssertClientFault(reply);
    }

    [Test]
    public async Task Should_refuse_a_document_that_is_not_a_soap_envelope()
    {
        using var client = RawSoapClient.Create();

        var reply = await client.PostAsync("VersionService", "<esfVersionRequest xmlns=\"esf\"/>");

        AssertClientFault(reply);
        Assert.That(reply.FaultString, Does.Contain("Envelope"));
    }

    [Test]
    public async Task Should_refuse_a_request_larger_than_the_limit_with_413_before_reading_it()
    {
        using var client = RawSoapClient.Create();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Envelopes.Envelope("<esf:esfVersionRequest/>" + new string(' ', 20_000_001))));
        content.Headers.ContentType = new("text/xml");

        // With Expect: 100-continue the refusal comes before the body is sent; without it the refusal races the upload.
        var reply = await client.SendAsync("VersionService", content, expectContinue: true);

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(reply.FaultString, Does.Contain("larger than this gateway accepts"));
    }

    [Test]
    public async Task Should_refuse_a_chunked_request_larger_than_the_limit_with_413()
    {
        using var client = RawSoapClient.Create();
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(
            Envelopes.Envelope("<esf:esfVersionRequest/>" + new string(' ', 20_000_001)))));
        content.Headers.ContentType = new("text/xml");
        content.Headers.ContentLength = null;

        var reply = await client.SendAsync("VersionService", new ChunkedContent(content));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    private static void AssertClientFault(SoapReply reply)
    {
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.InternalServerError), reply.ToString());
        Assert.That(reply.ContentType, Is.EqualTo("text/xml; charset=utf-8"));
        Assert.That(reply.FaultCode, Is.EqualTo("soap:Client"), reply.ToString());
    }

    /// <summary>Hides the length so that HttpClient sends Transfer-Encoding: chunked.</summary>
    private sealed class ChunkedContent(HttpContent inner) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
