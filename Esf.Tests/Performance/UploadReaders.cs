using System.Xml;
using System.Xml.Schema;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Signatures;
using Esf.Infrastructure.Xml;

namespace Esf.Tests.Performance;

/// <summary>The upload checks' XML reader taken apart for the measurements: with and without the XSD, read through to the end.</summary>
internal static class UploadReaders
{
    /// <summary>The reader's settings as <see cref="InvoiceBodyReader"/> has them, without the schemas.</summary>
    public static XmlReaderSettings Plain()
    {
        var settings = SafeXml.ReaderSettings();
        settings.NameTable = ThreadNameTable.ForNextDocument();
        return settings;
    }

    /// <summary>The same with the invoice schemas validating.</summary>
    public static XmlReaderSettings Validating()
    {
        var settings = Plain();
        settings.ValidationType = ValidationType.Schema;
        settings.Schemas = InvoiceSchemas.Set;
        settings.ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings;
        return settings;
    }

    public static void ReadThrough(Utf8Body body, XmlReaderSettings settings)
    {
        using var reader = XmlReader.Create(body.OpenReader(), settings);
        while (reader.Read())
        {
        }
    }
}
