namespace Esf.Api.Soap.Framework;

/// <summary>The XML namespaces the ESF wire format uses.</summary>
public static class SoapNamespaces
{
    /// <summary>Target namespace of every ESF schema: literally the string "esf", not a URI.</summary>
    public const string Esf = "esf";

    public const string Soap11Envelope = "http://schemas.xmlsoap.org/soap/envelope/";

    public const string Soap12Envelope = "http://www.w3.org/2003/05/soap-envelope";

    public const string WsSecurity = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    /// <summary>Namespace of the WSS4J fault code the real (Apache CXF) server answers on WS-Security failures.</summary>
    public const string Wss4j = "http://ws.apache.org/wss4j";
}
