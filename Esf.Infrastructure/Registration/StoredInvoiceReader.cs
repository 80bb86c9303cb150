using System.Xml;
using System.Xml.Linq;
using Esf.Domain.Invoices;
using Esf.Domain.Invoices.Document;
using Esf.Infrastructure.Xml;

namespace Esf.Infrastructure.Registration;

/// <summary>
/// The worker's one pass over a stored body: the full model (<see cref="InvoiceXmlParser"/>) and, from it, the same header
/// <see cref="InvoiceBodyReader"/> gives (<see cref="InvoiceHeader"/>). No XSD here: the gateway validated the body against the schema before storing it,
/// and the second validation cost ≈ 50 µs per invoice. A body that still cannot be read (stored by an older version, or
/// altered in the database) is not lost: the worker fails it with the reason this returns.
/// </summary>
internal static class StoredInvoiceReader
{
    // One name table per thread, kept: a reader's own table and its element names (≈ 60 distinct in an invoice) were made
    // anew for every body. A name table is not safe for concurrent use, and the worker reads a batch's bodies in parallel. It
    // holds the names the stored bodies use, which the gateway's XSD check limits to the schema's.
    [ThreadStatic]
    private static XmlReaderSettings? threadSettings;

    public static (InvoiceDocument? Document, string? Problem) Read(string body)
    {
        InvoiceBody model;
        try
        {
            if (Tree(body) is not { } root)
            {
                return (null, $"корневой элемент должен быть {{{InvoiceBodyReader.InvoiceV2Namespace}}}invoice");
            }

            model = InvoiceXmlParser.Parse(root);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // XmlException for broken XML; anything else the mapping meets in a body the schema would have refused.
            return (null, e.Message);
        }

        return (InvoiceHeader.Of(model), null);
    }

    /// <summary>The first half of <see cref="Read"/> (measured apart in Esf.Tests/Performance): the element tree, or null when the root is not an InvoiceV2 invoice.</summary>
    /// <exception cref="XmlException">The body is not well-formed XML.</exception>
    internal static XElement? Tree(string body)
    {
        using var reader = XmlReader.Create(new StringReader(body), threadSettings ??= ReaderSettings());
        return reader.MoveToContent() == XmlNodeType.Element
            && reader.LocalName == "invoice" && reader.NamespaceURI == InvoiceBodyReader.InvoiceV2Namespace
            ? Tree(reader)
            : null;
    }

    private static XmlReaderSettings ReaderSettings()
    {
        var settings = SafeXml.ReaderSettings();
        settings.NameTable = new NameTable();
        return settings;
    }

    /// <summary>
    /// The element tree the mapping reads, as <c>XElement.Load</c> gives it but without the indentation between elements: in an
    /// indented 6.9 KB body those are ≈ 200 text nodes and strings of their own, a quarter of what reading it allocated (issue 17).
    /// Whitespace is dropped only from elements that have child elements; a leaf keeps all of its text, whitespace included, so
    /// every value the mapping reads (<c>Element(name).Value</c> of a leaf) is the one <c>XElement.Load</c> gives.
    /// </summary>
    private static XElement Tree(XmlReader reader)
    {
        var root = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
        if (reader.IsEmptyElement)
        {
            return root;
        }

        var open = new Stack<XElement>();
        open.Push(root);
        // Whitespace read since the last element began or ended: the leaf's content if the current element ends before a child begins.
        string? whitespace = null;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
                    open.Peek().Add(element);
                    whitespace = null;
                    if (!reader.IsEmptyElement)
                    {
                        open.Push(element);
                    }

                    break;
                case XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (open.Peek().HasElements)
                    {
                        break;
                    }

                    whitespace += reader.Value;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA:
                    open.Peek().Add(whitespace + reader.Value);
                    whitespace = null;
                    break;
                case XmlNodeType.EndElement:
                    var closed = open.Pop();
                    if (whitespace is not null && !closed.HasElements)
                    {
                        closed.Add(whitespace);
                    }

                    whitespace = null;
                    if (open.Count == 0)
                    {
                        // The root's end: what follows it is not read, as XElement.Load does not read it.
                        return root;
                    }

                    break;
            }
        }

        return root;
    }
}
