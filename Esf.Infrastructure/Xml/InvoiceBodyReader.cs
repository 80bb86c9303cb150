using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Esf.Domain.Invoices;
using Esf.Domain.Rules;

namespace Esf.Infrastructure.Xml;

/// <summary>
/// Reads an InvoiceV2 body in one streaming pass: validates it against the XSD (every schema error is reported, with its path)
/// and builds the element tree the model is mapped from, so the body is parsed once. DTDs are refused.
/// </summary>
public static class InvoiceBodyReader
{
    public const string InvoiceV2Namespace = "v2.esf";

    // The schema nests at most 6 levels; anything far deeper is hostile (stack and quadratic path costs), not an invoice.
    private const int MaxDepth = 32;

    // Enough to fix a document in one round; more only makes the answer huge.
    private const int MaxViolations = 100;

    public static InvoiceBodyResult Read(string body)
    {
        var violations = new List<RuleViolation>();
        var path = new ElementPath();
        var settings = SafeXml.ReaderSettings();
        settings.ValidationType = ValidationType.Schema;
        settings.Schemas = InvoiceSchemas.Set;
        settings.ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) =>
        {
            if (violations.Count < MaxViolations)
            {
                violations.Add(RuleCatalogue.BodyMustMatchSchema.Violation(path.ToString(), e.Message));
            }
        };

        XElement root;
        try
        {
            using var reader = XmlReader.Create(new StringReader(body), settings);
            if (Walk(reader, path, violations) is not { } tree)
            {
                return new InvoiceBodyResult(null, [RuleCatalogue.XmlMustBeWellFormed.Violation(
                    path.ToString(), $"вложенность элементов превышает {MaxDepth} уровней (nested deeper than {MaxDepth} levels)")]);
            }

            root = tree;
        }
        catch (XmlException e)
        {
            // Schema errors of a document that is not even XML only distract from the one that matters.
            return new InvoiceBodyResult(null, [RuleCatalogue.XmlMustBeWellFormed.Violation(path.ToString(), e.Message)]);
        }

        return new InvoiceBodyResult(InvoiceHeader.Of(InvoiceXmlParser.Parse(root)), violations);
    }

    /// <summary>
    /// Reads the whole body into the tree <c>XElement.Load</c> would give the model: elements with their text, CDATA and
    /// significant whitespace; insignificant whitespace, comments, processing instructions and attributes (the schema has
    /// none) are left out. Null when it nests deeper than <see cref="MaxDepth"/> (reading stops there).
    /// </summary>
    private static XElement? Walk(XmlReader reader, ElementPath path, List<RuleViolation> violations)
    {
        var open = new Stack<XElement>();
        XElement? root = null;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.Depth > MaxDepth:
                    return null;
                case XmlNodeType.Element:
                    if (path.Depth == 0 && (reader.LocalName != "invoice" || reader.NamespaceURI != InvoiceV2Namespace))
                    {
                        violations.Add(RuleCatalogue.BodyMustMatchSchema.Violation(
                            reader.LocalName, $"корневой элемент должен быть {{{InvoiceV2Namespace}}}invoice"));
                    }

                    var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
                    if (open.TryPeek(out var parent))
                    {
                        parent.Add(element);
                    }
                    else
                    {
                        root = element;
                    }

                    path.Enter(reader.LocalName);
                    if (reader.IsEmptyElement)
                    {
                        path.Leave();
                    }
                    else
                    {
                        open.Push(element);
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    open.Peek().Add(reader.Value);
                    break;
                case XmlNodeType.EndElement:
                    open.Pop();
                    path.Leave();
                    break;
            }
        }

        return root;
    }

    internal static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "dd.MM.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
