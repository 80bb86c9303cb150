using System.Xml;
using Esf.Infrastructure.Errors;

namespace Esf.Api.Soap.Framework;

/// <summary>The one place where exceptions become SOAP faults.</summary>
public static class SoapFaultMapper
{
    /// <summary>The fault for an expected failure, or null when the exception is a bug or an outage (answer "Internal error").</summary>
    public static SoapFault? Map(Exception exception, long maxRequestBytes) => exception switch
    {
        SoapFaultException soap => soap.Fault,
        EsfException esf => SoapFault.FromEsf(esf),
        TooManyRequestsException limited => SoapFault.TooManyRequests(limited),
        // Includes "For security reasons DTD is prohibited…": XmlReader's own text names the problem and the position.
        XmlException xml => SoapFault.Client(xml.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => SoapFault.TooLarge(maxRequestBytes),
        BadHttpRequestException bad => SoapFault.Client(bad.Message) with { HttpStatus = bad.StatusCode },
        _ => null,
    };

    /// <summary>The detail element the WSDLs declare for each fault kind.</summary>
    public static string DetailElementName(EsfFaultKind kind) => kind switch
    {
        EsfFaultKind.SessionClosed => "sessionClosedException",
        EsfFaultKind.AccessDenied => "accessDeniedException",
        _ => "businessException",
    };
}
