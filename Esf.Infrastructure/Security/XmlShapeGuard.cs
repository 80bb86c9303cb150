using System.Xml;
using Esf.Infrastructure.Xml;

namespace Esf.Infrastructure.Security;

/// <summary>
/// A streaming pre-check of a request's XML before any deserializer sees it: nesting deeper than <see cref="MaxDepth"/> is
/// refused (XmlSerializer and XmlDocument recurse on unknown content, so a deep document could exhaust the stack) as is a
/// DTD. Constant memory: the reader never builds a tree. Size is bounded before this by Esf:MaxRequestBytes.
/// </summary>
public static class XmlShapeGuard
{
    /// <summary>A SOAP call with its header and an invoiceUploadInfo list is about 8 deep; 64 leaves room and stops abuse.</summary>
    public const int MaxDepth = 64;

    /// <summary>Reads <paramref name="body"/> to the end and rewinds it; throws <see cref="XmlException"/> with a clear message.</summary>
    public static void Check(Stream body)
    {
        var start = body.Position;
        using (var reader = XmlReader.Create(body, CloseInputFalse(SafeXml.ReaderSettings())))
        {
            while (reader.Read())
            {
                if (reader.Depth > MaxDepth)
                {
                    throw new XmlException($"The XML is nested deeper than {MaxDepth} levels (line {((IXmlLineInfo)reader).LineNumber}).");
                }
            }
        }

        body.Position = start;
    }

    private static XmlReaderSettings CloseInputFalse(XmlReaderSettings settings)
    {
        settings.CloseInput = false;
        return settings;
    }
}
