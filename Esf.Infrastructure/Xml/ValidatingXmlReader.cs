using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Esf.Domain.Rules;

namespace Esf.Infrastructure.Xml;

/// <summary>
/// Reads a document body (an invoice, a waybill) in one streaming pass: validates it against the contracts' XSDs (every schema
/// error is reported, with its path) and builds the element tree the model is mapped from, so the body is parsed once. DTDs are
/// refused (<see cref="SafeXml"/>). Each format names its root, its repeated elements and the rules its errors report.
/// </summary>
internal static class ValidatingXmlReader
{
    // The schemas nest at most 6 levels; anything far deeper is hostile (stack and quadratic path costs), not a document.
    private const int MaxDepth = 32;

    // Enough to fix a document in one round; more only makes the answer huge.
    private const int MaxViolations = 100;

    /// <returns>The element tree (null when the body is not XML or nests too deep) and every violation found.</returns>
    public static (XElement? Root, List<RuleViolation> Violations) Read(
        TextReader body, XName root, IReadOnlySet<string> repeatedElements, RuleDefinition notWellFormed, RuleDefinition schema)
    {
        var violations = new List<RuleViolation>();
        var path = new ElementPath(repeatedElements);
        var settings = SafeXml.ReaderSettings();
        settings.ValidationType = ValidationType.Schema;
        settings.Schemas = InvoiceSchemas.Set;
        settings.ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.NameTable = ThreadNameTable.ForNextDocument();
        settings.ValidationEventHandler += (_, e) =>
        {
            if (violations.Count < MaxViolations)
            {
                violations.Add(schema.Violation(path.ToString(), e.Message));
            }
        };

        try
        {
            using var reader = XmlReader.Create(body, settings);
            return Walk(reader, path, root, schema, violations) is { } tree
                ? (tree, violations)
                : (null, [notWellFormed.Violation(path.ToString(), $"вложенность элементов превышает {MaxDepth} уровней (nested deeper than {MaxDepth} levels)")]);
        }
        catch (XmlException e)
        {
            // Schema errors of a document that is not even XML only distract from the one that matters.
            return (null, [notWellFormed.Violation(path.ToString(), e.Message)]);
        }
    }

    /// <summary>
    /// Reads the whole body into the tree <c>XElement.Load</c> would give the model: elements with their text, CDATA and
    /// significant whitespace; insignificant whitespace, comments, processing instructions and attributes (the schemas have
    /// none) are left out. Null when it nests deeper than <see cref="MaxDepth"/> (reading stops there).
    /// </summary>
    private static XElement? Walk(XmlReader reader, ElementPath path, XName expectedRoot, RuleDefinition schema, List<RuleViolation> violations)
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
                    if (path.Depth == 0 && (reader.LocalName != expectedRoot.LocalName || reader.NamespaceURI != expectedRoot.NamespaceName))
                    {
                        violations.Add(schema.Violation(
                            reader.LocalName, $"корневой элемент должен быть {{{expectedRoot.NamespaceName}}}{expectedRoot.LocalName}"));
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
}
