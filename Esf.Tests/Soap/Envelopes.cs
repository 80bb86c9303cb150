using Esf.Tests.Infrastructure;

namespace Esf.Tests.Soap;

/// <summary>Request envelopes in the shapes public ESF clients send (soapenv prefix, esf: prefix, unqualified children).</summary>
public static class Envelopes
{
    public const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string Wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public const string Wsu = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    public static string Envelope(string body, string header = "") =>
        $"""<soapenv:Envelope xmlns:soapenv="{Soap11}" xmlns:esf="esf"><soapenv:Header>{header}</soapenv:Header><soapenv:Body>{body}</soapenv:Body></soapenv:Envelope>""";

    /// <summary>The PHP/CRM shape: mustUnderstand="1" and a wsu:Id on the token.</summary>
    public static string UsernameToken(string username, string password) =>
        $"""
        <wsse:Security soapenv:mustUnderstand="1" xmlns:wsse="{Wsse}" xmlns:wsu="{Wsu}">
          <wsse:UsernameToken wsu:Id="UsernameToken-1"><wsse:Username>{Escape(username)}</wsse:Username>
            <wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">{Escape(password)}</wsse:Password>
          </wsse:UsernameToken>
        </wsse:Security>
        """;

    public static string CreateSession(TestTenant tenant) =>
        Envelope(
            $"<esf:createSessionRequest><tin>{tenant.SellerTin}</tin><x509Certificate>{tenant.CertificateBase64}</x509Certificate></esf:createSessionRequest>",
            UsernameToken(tenant.UserIin, tenant.Password));

    public static string SessionCall(string element, string sessionId) =>
        Envelope($"<esf:{element}><sessionId>{Escape(sessionId)}</sessionId></esf:{element}>");

    public static string ById(string element, string sessionId, params long[] ids) =>
        Envelope($"<esf:{element}><sessionId>{Escape(sessionId)}</sessionId><idList>{string.Concat(ids.Select(id => $"<id>{id}</id>"))}</idList></esf:{element}>");

    /// <summary>syncInvoiceRequest with ready-made invoiceUploadInfo elements.</summary>
    public static string SyncInvoice(string sessionId, string certificate, params string[] uploadInfos) =>
        Envelope(
            $"<esf:syncInvoiceRequest><sessionId>{Escape(sessionId)}</sessionId><invoiceUploadInfoList>{string.Concat(uploadInfos)}</invoiceUploadInfoList>"
            + $"<x509Certificate>{certificate}</x509Certificate></esf:syncInvoiceRequest>");

    /// <summary>An invoiceUploadInfo with the body as escaped text, carriage returns as &amp;#xD; (what WCF clients send).</summary>
    public static string EscapedUploadInfo(string body, string signature) =>
        $"<invoiceUploadInfo><invoiceBody>{Escape(body)}</invoiceBody><version>InvoiceV2</version><signature>{signature}</signature><signatureType>COMPANY</signatureType></invoiceUploadInfo>";

    /// <summary>An invoiceUploadInfo with the body in CDATA and the xs:all children in a different order.</summary>
    public static string CdataUploadInfo(string body, string signature) =>
        $"<invoiceUploadInfo><signatureType>COMPANY</signatureType><version>InvoiceV2</version><invoiceBody><![CDATA[{body}]]></invoiceBody><signature>{signature}</signature></invoiceUploadInfo>";

    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\r", "&#xD;", StringComparison.Ordinal);
}
