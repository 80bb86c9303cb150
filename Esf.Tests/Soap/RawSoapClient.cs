using System.Net.Http.Headers;
using System.Text;

namespace Esf.Tests.Soap;

/// <summary>Posts hand-written envelopes, so that the tests control every byte a client sends.</summary>
public sealed class RawSoapClient(HttpClient http) : IDisposable
{
    public const string Absent = "\0absent";

    public static RawSoapClient Create() => new(SoapGateway.Fixture.CreateClient());

    /// <param name="soapAction">The SOAPAction header value; <see cref="Absent"/> sends none.</param>
    public async Task<SoapReply> PostAsync(string service, string envelope, string soapAction = "\"\"", string contentType = "text/xml; charset=utf-8")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(envelope));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await SendAsync(service, content, soapAction);
    }

    /// <param name="expectContinue">Send Expect: 100-continue, so that a refused body is never sent.</param>
    public async Task<SoapReply> SendAsync(string service, HttpContent content, string soapAction = "\"\"", bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"esf-web/ws/api1/{service}") { Content = content };
        request.Headers.ExpectContinue = expectContinue;
        if (soapAction != Absent)
        {
            request.Headers.TryAddWithoutValidation("SOAPAction", soapAction);
        }

        using var response = await http.SendAsync(request);
        return new SoapReply(response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync(),
            response.Headers.TryGetValues("X-Esf-Duplicate-Of", out var duplicateOf) ? string.Join(", ", duplicateOf) : null);
    }

    public async Task<SoapReply> GetAsync(string relativeUrl)
    {
        using var response = await http.GetAsync(relativeUrl);
        return new SoapReply(response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => http.Dispose();
}
