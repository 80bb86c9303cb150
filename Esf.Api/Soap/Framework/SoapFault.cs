using Esf.Infrastructure.Errors;

namespace Esf.Api.Soap.Framework;

/// <summary>Who is to blame for a fault; written as faultcode (1.1) or Code/Value (1.2).</summary>
public enum SoapFaultCode
{
    /// <summary>The request is wrong (soap:Client / soap:Sender).</summary>
    Client,
    /// <summary>The service refused or failed (soap:Server / soap:Receiver); ESF business faults use this code.</summary>
    Server,
    /// <summary>The root element is an Envelope of an unknown SOAP version.</summary>
    VersionMismatch,
    /// <summary>WS-Security check failed; written as WSS4J's ns1:SecurityError like the real server.</summary>
    SecurityError,
}

/// <summary>A fault to send back: code, faultstring, and the ESF detail element when the fault is one the WSDL declares.</summary>
public sealed record SoapFault(SoapFaultCode Code, string Reason, EsfFaultKind? DetailKind = null, int HttpStatus = 500)
{
    /// <summary>The reason as the log may carry it: without the session id the real text of a second login names (M1).</summary>
    public string LogReason { get; init; } = Reason;

    /// <summary>The refusal's code (the REST problem's errorCode), written only by services that declare it.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Never shows exception text: the details go to the log only.</summary>
    public static readonly SoapFault Internal = new(SoapFaultCode.Server, "Internal error");

    /// <summary>The WSS4J text the real server answers when the UsernameToken is missing or unreadable.</summary>
    public static readonly SoapFault SecurityError = new(SoapFaultCode.SecurityError, "A security error was encountered when verifying the message");

    public static SoapFault Client(string reason) => new(SoapFaultCode.Client, reason);

    public static SoapFault TooLarge(long maxBytes) =>
        new(SoapFaultCode.Client, $"The request is larger than this gateway accepts ({maxBytes} bytes).", HttpStatus: StatusCodes.Status413PayloadTooLarge);

    public static SoapFault TooManyRequests(TooManyRequestsException refusal) =>
        new(SoapFaultCode.Client, refusal.Message, HttpStatus: StatusCodes.Status429TooManyRequests);

    public static SoapFault FromEsf(EsfException exception) =>
        new(SoapFaultCode.Server, exception.Description, exception.Kind) { LogReason = exception.Message, ErrorCode = exception.ErrorCode };
}

/// <summary>Thrown by the SOAP layer itself for requests it cannot accept; carries the exact fault to answer.</summary>
public sealed class SoapFaultException(SoapFault fault) : Exception(fault.Reason)
{
    public SoapFault Fault { get; } = fault;

    public static SoapFaultException Client(string reason) => new(SoapFault.Client(reason));
}
