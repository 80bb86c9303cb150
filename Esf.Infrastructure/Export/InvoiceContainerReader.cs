using System.Xml;
using System.Xml.Linq;

namespace Esf.Infrastructure.Export;

/// <summary>
/// Reads an esf:invoiceContainer one invoice at a time (the import side of an export) in flat memory: each v2:invoice as its
/// own element, with the resume cursor that follows it when the container came from this gateway.
/// </summary>
public static class InvoiceContainerReader
{
    /// <summary>What starts the comment after each invoice: <c>&lt;!--cursor:…--&gt;</c>.</summary>
    public const string CursorPrefix = ContainerCursor.Prefix;

    public static IEnumerable<(XElement Invoice, string? Cursor)> Read(Stream input)
    {
        using var reader = XmlReader.Create(input, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true, XmlResolver = null });
        var advance = true;
        while (!advance || reader.Read())
        {
            advance = true;
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "invoice" || reader.NamespaceURI != "v2.esf")
            {
                continue;
            }

            // ReadFrom leaves the reader on the node after the invoice: the cursor comment, or already the next node to look at.
            var invoice = (XElement)XNode.ReadFrom(reader);
            string? cursor = null;
            if (reader.NodeType == XmlNodeType.Comment && reader.Value.StartsWith(ContainerCursor.Prefix, StringComparison.Ordinal))
            {
                cursor = reader.Value[ContainerCursor.Prefix.Length..];
            }
            else
            {
                advance = false;
            }

            yield return (invoice, cursor);
        }
    }
}
