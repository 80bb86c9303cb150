using System.Text;
using System.Xml;

namespace Esf.Api.Soap.Framework;

/// <summary>
/// Writes soap:Envelope/soap:Body around a response or a fault. The message is built in memory first: XmlSerializer
/// writes synchronously, and a failure half-way must still be answered with a fault.
/// </summary>
public static class SoapMessageWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        OmitXmlDeclaration = true,
        Indent = false,
        // Carriage returns in text (invoice bodies) go out as &#xD;: the default would rewrite CR LF to LF, changing signed text.
        NewLineHandling = NewLineHandling.Entitize,
    };

    public static async Task WriteAsync(HttpContext http, SoapVersion version, int statusCode, Action<XmlWriter> writeBodyContent)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartElement("soap", "Envelope", version.EnvelopeNamespace);
            xml.WriteStartElement("soap", "Body", version.EnvelopeNamespace);
            writeBodyContent(xml);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        http.Response.StatusCode = statusCode;
        http.Response.ContentType = version.ContentType;
        http.Response.ContentLength = buffer.Length;
        await http.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), http.RequestAborted);
    }

    /// <param name="withErrorCode">Write the fault's errorCode in the detail (services that declare it, <see cref="SoapServiceDefinition.FaultsCarryErrorCode"/>).</param>
    public static void WriteFault(XmlWriter xml, SoapVersion version, SoapFault fault, string esfPrefix, bool withErrorCode = false)
    {
        var ns = version.EnvelopeNamespace;
        xml.WriteStartElement("soap", "Fault", ns);
        if (version.IsSoap12)
        {
            xml.WriteStartElement("soap", "Code", ns);
            xml.WriteElementString("soap", "Value", ns, "soap:" + Soap12Code(fault.Code));
            xml.WriteEndElement();
            xml.WriteStartElement("soap", "Reason", ns);
            xml.WriteStartElement("soap", "Text", ns);
            xml.WriteAttributeString("xml", "lang", null, "en");
            xml.WriteString(fault.Reason);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        else
        {
            // SOAP 1.1 fault children are unqualified.
            xml.WriteStartElement("faultcode");
            if (fault.Code == SoapFaultCode.SecurityError)
            {
                xml.WriteAttributeString("xmlns", "ns1", null, SoapNamespaces.Wss4j);
                xml.WriteString("ns1:SecurityError");
            }
            else
            {
                xml.WriteString("soap:" + fault.Code);
            }

            xml.WriteEndElement();
            xml.WriteElementString("faultstring", fault.Reason);
        }

        if (fault.DetailKind is { } kind)
        {
            if (version.IsSoap12)
            {
                xml.WriteStartElement("soap", "Detail", ns);
            }
            else
            {
                xml.WriteStartElement("detail");
            }

            xml.WriteStartElement(esfPrefix, SoapFaultMapper.DetailElementName(kind), SoapNamespaces.Esf);
            xml.WriteElementString("description", fault.Reason);
            if (withErrorCode && fault.ErrorCode is { } errorCode)
            {
                xml.WriteElementString("errorCode", errorCode);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string Soap12Code(SoapFaultCode code) => code switch
    {
        SoapFaultCode.Server => "Receiver",
        SoapFaultCode.VersionMismatch => "VersionMismatch",
        _ => "Sender",
    };
}
