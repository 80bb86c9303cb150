using System.Xml;

namespace Esf.Infrastructure.Xml;

/// <summary>
/// The one way this gateway reads XML: DTDs are refused (no entity expansion, no external resources),
/// so billion-laughs and XXE fail before any content is read.
/// </summary>
public static class SafeXml
{
    public static XmlReaderSettings ReaderSettings(bool async = false) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        Async = async,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = 50_000_000,
    };
}
