using System.Xml.Linq;
using Esf.Domain.Rules.Waybills;
using Esf.Domain.Waybills;
using Esf.Infrastructure.Invoices;

namespace Esf.Infrastructure.Xml;

/// <summary>
/// Reads an SntV1 body in one streaming pass, as <see cref="InvoiceBodyReader"/> reads an invoice: every XSD error with its path
/// (SNT-GEN-11), or the one reason it is not XML (SNT-API-01), and the typed model. DTDs are refused.
/// </summary>
public static class WaybillBodyReader
{
    public const string SntV1Namespace = "v1.snt";

    private static readonly XName Root = XName.Get("snt", SntV1Namespace);

    private static readonly HashSet<string> RepeatedElements = ["product", "status"];

    public static WaybillBodyResult Read(string body) => Read(new StringReader(body));

    /// <summary>An uploaded body, read from its UTF-8 bytes without a string of it.</summary>
    public static WaybillBodyResult Read(Utf8Body body) => Read(body.OpenReader());

    private static WaybillBodyResult Read(TextReader body)
    {
        using var _ = body;
        var (model, violations) = ValidatingXmlReader.Read(
            body, Root, WaybillXmlParser.Waybill, RepeatedElements, WaybillRuleCatalogue.XmlMustBeWellFormed, WaybillRuleCatalogue.BodyMustMatchSchema);
        return new WaybillBodyResult(model is null ? null : new WaybillDocument(model), violations);
    }
}
