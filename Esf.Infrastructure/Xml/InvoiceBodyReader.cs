using System.Globalization;
using System.Xml.Linq;
using Esf.Domain.Rules;
using Esf.Infrastructure.Invoices;

namespace Esf.Infrastructure.Xml;

/// <summary>
/// Reads an InvoiceV2 body in one streaming pass (<see cref="ValidatingXmlReader"/>): every XSD error with its path (GEN-11),
/// or the one reason it is not XML (API-01), and the typed model. DTDs are refused.
/// </summary>
public static class InvoiceBodyReader
{
    public const string InvoiceV2Namespace = "v2.esf";

    private static readonly XName Root = XName.Get("invoice", InvoiceV2Namespace);

    private static readonly HashSet<string> RepeatedElements = ["seller", "customer", "product", "participant", "share", "status"];

    public static InvoiceBodyResult Read(string body) => Read(new StringReader(body));

    /// <summary>An uploaded body, read from its UTF-8 bytes without a string of it.</summary>
    public static InvoiceBodyResult Read(Utf8Body body) => Read(body.OpenReader());

    private static InvoiceBodyResult Read(TextReader body)
    {
        using var _ = body;
        var (model, violations) = ValidatingXmlReader.Read(
            body, Root, InvoiceXmlParser.Invoice, RepeatedElements, RuleCatalogue.XmlMustBeWellFormed, RuleCatalogue.BodyMustMatchSchema);
        return new InvoiceBodyResult(model is null ? null : InvoiceHeader.Of(model), violations);
    }

    internal static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "dd.MM.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
