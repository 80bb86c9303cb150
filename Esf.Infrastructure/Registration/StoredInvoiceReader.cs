using System.Xml;
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
    public static (InvoiceDocument? Document, string? Problem) Read(string body)
    {
        InvoiceBody model;
        try
        {
            using var reader = XmlReader.Create(new StringReader(body), SafeXml.ReaderSettings());
            if (reader.MoveToContent() != XmlNodeType.Element
                || reader.LocalName != "invoice" || reader.NamespaceURI != InvoiceBodyReader.InvoiceV2Namespace)
            {
                return (null, $"корневой элемент должен быть {{{InvoiceBodyReader.InvoiceV2Namespace}}}invoice");
            }

            model = InvoiceXmlParser.Parse(System.Xml.Linq.XElement.Load(reader));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // XmlException for broken XML; anything else the mapping meets in a body the schema would have refused.
            return (null, e.Message);
        }

        return (InvoiceHeader.Of(model), null);
    }
}
