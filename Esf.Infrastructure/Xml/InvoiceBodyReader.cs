using System.Globalization;
using System.Xml;
using System.Xml.Schema;
using Esf.Domain.Invoices;
using Esf.Domain.Rules;

namespace Esf.Infrastructure.Xml;

/// <summary>
/// Reads an InvoiceV2 body in one streaming pass: validates it against the XSD (every schema error is reported, with its path)
/// and extracts the fields the pipeline needs. DTDs are refused.
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
        var fields = new InvoiceFieldCollector();
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

        try
        {
            using var reader = XmlReader.Create(new StringReader(body), settings);
            if (!Walk(reader, path, fields, violations))
            {
                return new InvoiceBodyResult(null, [RuleCatalogue.XmlMustBeWellFormed.Violation(
                    path.ToString(), $"вложенность элементов превышает {MaxDepth} уровней (nested deeper than {MaxDepth} levels)")]);
            }
        }
        catch (XmlException e)
        {
            // Schema errors of a document that is not even XML only distract from the one that matters.
            return new InvoiceBodyResult(null, [RuleCatalogue.XmlMustBeWellFormed.Violation(path.ToString(), e.Message)]);
        }

        return new InvoiceBodyResult(fields.ToDocument() with { Body = InvoiceXmlParser.Parse(body) }, violations);
    }

    /// <summary>Reads the whole body; false when it nests deeper than <see cref="MaxDepth"/> (reading stops there).</summary>
    private static bool Walk(XmlReader reader, ElementPath path, InvoiceFieldCollector fields, List<RuleViolation> violations)
    {
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.Depth > MaxDepth:
                    return false;
                case XmlNodeType.Element:
                    if (path.Depth == 0 && (reader.LocalName != "invoice" || reader.NamespaceURI != InvoiceV2Namespace))
                    {
                        violations.Add(RuleCatalogue.BodyMustMatchSchema.Violation(
                            reader.LocalName, $"корневой элемент должен быть {{{InvoiceV2Namespace}}}invoice"));
                    }

                    path.Enter(reader.LocalName);
                    if (reader.IsEmptyElement)
                    {
                        fields.Take(path, string.Empty);
                        path.Leave();
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA:
                    fields.Take(path, reader.Value);
                    break;
                case XmlNodeType.EndElement:
                    path.Leave();
                    break;
            }
        }

        return true;
    }

    internal static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "dd.MM.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
