using System.Reflection;
using System.Xml;
using System.Xml.Schema;

namespace Esf.Infrastructure.Xml;

/// <summary>
/// The document formats' XSDs from <c>contracts/xsd</c> (embedded at build time), compiled once: the invoice (InvoiceV2 and its
/// container) and the waybill (SntV1) share one set, each reader checking its own root element.
/// </summary>
public static class InvoiceSchemas
{
    private static readonly Lazy<XmlSchemaSet> Compiled = new(Compile);

    public static XmlSchemaSet Set => Compiled.Value;

    private static XmlSchemaSet Compile()
    {
        var set = new XmlSchemaSet { XmlResolver = null };
        var assembly = typeof(InvoiceSchemas).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".xsd", StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded schema {name} is missing.");
            using var reader = XmlReader.Create(stream, SafeXml.ReaderSettings());
            set.Add(XmlSchema.Read(reader, null)!);
        }

        set.Compile();
        return set;
    }

    /// <summary>The names of the embedded schema files, for diagnostics.</summary>
    public static IEnumerable<string> ResourceNames() =>
        Assembly.GetExecutingAssembly().GetManifestResourceNames().Where(n => n.EndsWith(".xsd", StringComparison.Ordinal));
}
