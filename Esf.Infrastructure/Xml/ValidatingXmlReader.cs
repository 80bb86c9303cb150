using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Esf.Domain.Rules;

namespace Esf.Infrastructure.Xml;

/// <summary>
/// Reads a document body (an invoice, a waybill) in one streaming pass: validates it against the contracts' XSDs (every schema
/// error is reported, with its path) and maps the model from the same reader as it goes (<see cref="ElementMap{T}"/>), so the body
/// is parsed once and no element tree is built (issue 17). DTDs are refused (<see cref="SafeXml"/>). Each format names its root,
/// its repeated elements and the rules its errors report.
/// </summary>
internal static class ValidatingXmlReader
{
    // The schemas nest at most 6 levels; anything far deeper is hostile (stack and quadratic path costs), not a document.
    private const int MaxDepth = 32;

    // Enough to fix a document in one round; more only makes the answer huge.
    private const int MaxViolations = 100;

    /// <returns>The model (null when the body is not XML or nests too deep) and every violation found.</returns>
    public static (T? Model, List<RuleViolation> Violations) Read<T>(
        TextReader body, XName root, ElementMap<T> map, IReadOnlySet<string> repeatedElements, RuleDefinition notWellFormed, RuleDefinition schema)
        where T : class, new()
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
            // Insignificant whitespace (between elements) is no value; the validating reader calls a text value's own significant.
            var cursor = new BodyCursor(reader, path, MaxDepth, keepsWhitespace: false);
            var model = Walk(cursor, root, map, schema, violations);
            return cursor.TooDeep
                ? (null, [notWellFormed.Violation(path.ToString(), $"вложенность элементов превышает {MaxDepth} уровней (nested deeper than {MaxDepth} levels)")])
                : (model, violations);
        }
        catch (XmlException e)
        {
            // Schema errors of a document that is not even XML only distract from the one that matters.
            return (null, [notWellFormed.Violation(path.ToString(), e.Message)]);
        }
    }

    /// <summary>
    /// The model of the root element, whatever its name (a wrong root is a schema violation), then the rest of the body to its
    /// end, so everything after the root is still checked.
    /// </summary>
    private static T? Walk<T>(BodyCursor cursor, XName expectedRoot, ElementMap<T> map, RuleDefinition schema, List<RuleViolation> violations)
        where T : class, new()
    {
        T? model = null;
        while (cursor.Read())
        {
            if (model is null && cursor.NodeType == XmlNodeType.Element)
            {
                if (cursor.LocalName != expectedRoot.LocalName || cursor.NamespaceUri != expectedRoot.NamespaceName)
                {
                    violations.Add(schema.Violation(
                        cursor.LocalName, $"корневой элемент должен быть {{{expectedRoot.NamespaceName}}}{expectedRoot.LocalName}"));
                }

                model = map.Read(cursor);
            }
        }

        return model;
    }
}
