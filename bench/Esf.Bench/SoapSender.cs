using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;

namespace Esf.Bench;

/// <summary>
/// SOAP 1.1, in the shape public ESF clients send (esf: prefix, unqualified children, text/xml, SOAPAction ""):
/// SessionService createSession with a WS-Security UsernameToken, the scenario's upload (e.g. UploadInvoiceService syncInvoice with the
/// bodies as escaped text), SessionService closeSession.
/// </summary>
public sealed class SoapSender(HttpClient http, Sender sender, IScenario scenario) : ProtocolSender(http, sender, scenario)
{
    private string? _uploadService;

    private const string Wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private const string PasswordText = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";

    public override string Protocol => "SOAP";

    public override async Task OpenAsync(CancellationToken cancellationToken)
    {
        var token = $"""<wsse:Security soapenv:mustUnderstand="1" xmlns:wsse="{Wsse}"><wsse:UsernameToken><wsse:Username>{Escape(Sender.UserIin)}</wsse:Username><wsse:Password Type="{PasswordText}">{Escape(Sender.Password)}</wsse:Password></wsse:UsernameToken></wsse:Security>""";
        var answer = await CallAsync("SessionService", Encode(Envelope(
            $"<esf:createSessionRequest><tin>{Sender.SellerTin}</tin><x509Certificate>{Sender.CertificateBase64}</x509Certificate></esf:createSessionRequest>",
            token)), cancellationToken);
        SessionId = answer.Descendants("sessionId").Single().Value;
    }

    public override byte[] Payload(IReadOnlyList<SignedDocument> documents)
    {
        var upload = Scenario.SoapUpload(Sender, SessionId, documents);
        _uploadService = upload.Service;
        return Encode(Envelope(upload.Request));
    }

    public override async Task<UploadCount> SendAsync(byte[] payload, CancellationToken cancellationToken)
    {
        var answer = await CallAsync(_uploadService ?? throw new InvalidOperationException("Payload first: it names the service."), payload, cancellationToken);
        return Count(Scenario.ReadSoapAnswer(answer));
    }

    public override async Task CloseAsync(CancellationToken cancellationToken) =>
        await CallAsync("SessionService", Encode(Envelope(
            $"<esf:closeSessionRequest><sessionId>{Escape(SessionId)}</sessionId></esf:closeSessionRequest>")), cancellationToken);

    private async Task<XDocument> CallAsync(string service, byte[] envelope, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"esf-web/ws/api1/{service}") { Content = new ByteArrayContent(envelope) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        request.Headers.TryAddWithoutValidation("SOAPAction", "\"\"");
        using var response = await Http.SendAsync(request, cancellationToken);
        return XDocument.Parse(await ReadAsync(response, cancellationToken));
    }

    private static string Envelope(string body, string header = "") =>
        $"""<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:esf="esf"><soapenv:Header>{header}</soapenv:Header><soapenv:Body>{body}</soapenv:Body></soapenv:Envelope>""";

    private static byte[] Encode(string envelope) => Encoding.UTF8.GetBytes(envelope);

    /// <summary>Text content as XML: carriage returns as &amp;#xD; so that the body arrives byte for byte as it was signed.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\r", "&#xD;", StringComparison.Ordinal);
}
