using System.Xml;
using Esf.Domain.Invoices;
using Esf.Domain.Invoices.Document;
using Esf.Infrastructure.Xml;

namespace Esf.Infrastructure.Registration;

/// <summary>
/// The worker's one pass over a stored body: the full model, mapped straight from the reader by the map the gateway's validating
/// pass uses (<see cref="InvoiceXmlParser"/>, no element tree), and from it the same header <see cref="InvoiceBodyReader"/> gives
/// (<see cref="InvoiceHeader"/>). No XSD here: the gateway validated the body against the schema before storing it, and the
/// second validation cost ≈ 50 µs per invoice. A body that still cannot be read (stored by an older version, or altered in the
/// database) is not lost: the worker fails it with the reason this returns.
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
            using var reader = XmlReader.Create(new StringReader(body), threadSettings ??= ReaderSettings());
            if (reader.MoveToContent() != XmlNodeType.Element
                || reader.LocalName != "invoice" || reader.NamespaceURI != InvoiceBodyReader.InvoiceV2Namespace)
            {
                return (null, $"корневой элемент должен быть {{{InvoiceBodyReader.InvoiceV2Namespace}}}invoice");
            }

            // Read to the root's end and no further, as the old worker's tree did: what follows is not this invoice's.
            model = InvoiceXmlParser.Invoice.Read(new BodyCursor(reader));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // XmlException for broken XML; anything else the mapping meets in a body the schema would have refused.
            return (null, e.Message);
        }

        return (InvoiceHeader.Of(model), null);
    }

    private static XmlReaderSettings ReaderSettings()
    {
        var settings = SafeXml.ReaderSettings();
        settings.NameTable = new NameTable();
        return settings;
    }
}
