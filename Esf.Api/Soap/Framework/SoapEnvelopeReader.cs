using System.Xml;

namespace Esf.Api.Soap.Framework;

/// <summary>
/// Walks a request envelope with an XmlReader: checks the Envelope, takes the UsernameToken from the Header (any other
/// header is ignored), and stops on the first element of the Body, whose name alone selects the operation.
/// </summary>
public sealed class SoapEnvelopeReader(XmlReader reader)
{
    /// <summary>Known as soon as the root element is read, so that even a later fault is answered in the client's version.</summary>
    public SoapVersion Version { get; private set; } = SoapVersion.Soap11;

    public UsernameToken? UsernameToken { get; private set; }

    public async Task<XmlQualifiedName> ReadToBodyElementAsync()
    {
        await reader.MoveToContentAsync();
        if (reader.LocalName != "Envelope" || reader.NodeType != XmlNodeType.Element)
        {
            throw SoapFaultException.Client($"Expected a SOAP Envelope but found {{{reader.NamespaceURI}}}{reader.LocalName}.");
        }

        Version = SoapVersion.FromEnvelopeNamespace(reader.NamespaceURI)
            ?? throw new SoapFaultException(new SoapFault(SoapFaultCode.VersionMismatch,
                $"Unsupported SOAP envelope namespace '{reader.NamespaceURI}'; expected '{SoapNamespaces.Soap11Envelope}'."));

        await EnterAsync("Envelope");
        if (IsEnvelopeElement("Header"))
        {
            await ReadHeaderAsync();
            await SkipToElementAsync();
        }

        if (!IsEnvelopeElement("Body"))
        {
            throw SoapFaultException.Client("The SOAP Envelope has no Body.");
        }

        await EnterAsync("Body");
        if (reader.NodeType != XmlNodeType.Element)
        {
            throw SoapFaultException.Client("The SOAP Body is empty.");
        }

        return new XmlQualifiedName(reader.LocalName, reader.NamespaceURI);
    }

    /// <summary>Reads what follows the operation element, so that a message that is not well-formed is refused before anything runs.</summary>
    public async Task ReadToEndAsync()
    {
        while (await reader.ReadAsync())
        {
        }
    }

    private bool IsEnvelopeElement(string localName) =>
        reader.NodeType == XmlNodeType.Element && reader.LocalName == localName && reader.NamespaceURI == Version.EnvelopeNamespace;

    /// <summary>Moves inside the current element to its first child element (or its end tag when it has none).</summary>
    private async Task EnterAsync(string name)
    {
        if (reader.IsEmptyElement)
        {
            throw SoapFaultException.Client(name == "Body" ? "The SOAP Body is empty." : $"The SOAP {name} is empty.");
        }

        await reader.ReadAsync();
        await SkipToElementAsync();
    }

    private async Task SkipToElementAsync()
    {
        while (reader.NodeType is not (XmlNodeType.Element or XmlNodeType.EndElement or XmlNodeType.None))
        {
            await reader.ReadAsync();
        }
    }

    private async Task ReadHeaderAsync()
    {
        var depth = reader.Depth;
        string? username = null, password = null;
        if (!reader.IsEmptyElement)
        {
            await reader.ReadAsync();
            while (reader.Depth > depth)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == SoapNamespaces.WsSecurity
                    && reader.LocalName is "Username" or "Password")
                {
                    var isUsername = reader.LocalName == "Username";
                    var value = await reader.ReadElementContentAsStringAsync();
                    (username, password) = isUsername ? (value, password) : (username, value);
                    continue;
                }

                await reader.ReadAsync();
            }
        }

        // Past </Header> (or the empty <Header/>).
        await reader.ReadAsync();
        UsernameToken = username is null ? null : new UsernameToken(username, password ?? "");
    }
}
