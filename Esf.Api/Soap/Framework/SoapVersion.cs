namespace Esf.Api.Soap.Framework;

/// <summary>
/// The SOAP version of a request. ESF speaks SOAP 1.1; a SOAP 1.2 envelope is answered in SOAP 1.2 rather than refused,
/// because one known client (PHP SoapClient with SOAP_1_2) may send it.
/// </summary>
public sealed record SoapVersion(string EnvelopeNamespace, string ContentType)
{
    public static readonly SoapVersion Soap11 = new(SoapNamespaces.Soap11Envelope, "text/xml; charset=utf-8");

    public static readonly SoapVersion Soap12 = new(SoapNamespaces.Soap12Envelope, "application/soap+xml; charset=utf-8");

    public bool IsSoap12 => ReferenceEquals(this, Soap12);

    /// <summary>Before the envelope is read: SOAP 1.2 travels as <c>application/soap+xml</c>, anything else is answered as SOAP 1.1.</summary>
    public static SoapVersion FromContentType(string? contentType) =>
        contentType?.StartsWith("application/soap+xml", StringComparison.OrdinalIgnoreCase) == true ? Soap12 : Soap11;

    public static SoapVersion? FromEnvelopeNamespace(string ns) => ns switch
    {
        SoapNamespaces.Soap11Envelope => Soap11,
        SoapNamespaces.Soap12Envelope => Soap12,
        _ => null,
    };
}
