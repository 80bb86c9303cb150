using System.Xml;
using Esf.Infrastructure.Errors;
using Microsoft.Extensions.Options;

namespace Esf.Api.Soap.Framework;

/// <summary>
/// Serves one POST: buffer, read the envelope, dispatch on the body element (never on SOAPAction), run, answer.
/// Every failure becomes a SOAP fault here.
/// </summary>
public sealed class SoapEndpointHandler(IOptionsMonitor<Infrastructure.EsfOptions> options, ILogger<SoapEndpointHandler> logger)
{
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        Async = true,
        // No DTD at all: it rules out entity expansion (billion laughs) and external entities by construction.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        CloseInput = false,
    };

    public async Task HandleAsync(HttpContext http, SoapServiceDefinition service)
    {
        var maxBytes = options.CurrentValue.MaxRequestBytes;
        var version = SoapVersion.Soap11;
        try
        {
            await using var body = await SoapRequestBody.BufferAsync(http, maxBytes);
            Infrastructure.Security.XmlShapeGuard.Check(body);
            using var reader = XmlReader.Create(body, ReaderSettings);
            var envelope = new SoapEnvelopeReader(reader);
            XmlQualifiedName bodyElement;
            try
            {
                bodyElement = await envelope.ReadToBodyElementAsync();
            }
            finally
            {
                version = envelope.Version;
            }

            var operation = service.Find(bodyElement)
                ?? throw SoapFaultException.Client($"Unexpected wrapper element {{{bodyElement.Namespace}}}{bodyElement.Name} found.");
            var request = operation.ReadRequest(reader);
            await envelope.ReadToEndAsync();

            var response = await operation.InvokeAsync(request, new SoapCall(http, envelope.UsernameToken));
            await SoapMessageWriter.WriteAsync(
                http, version, StatusCodes.Status200OK, xml => operation.WriteResponse(xml, response, service.ResponseNamespaces));
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
        }
        catch (Exception exception)
        {
            var fault = SoapFaultMapper.Map(exception, maxBytes);
            if (fault is null)
            {
                logger.LogError(exception, "SOAP {Service} request failed unexpectedly", service.Name);
                fault = SoapFault.Internal;
            }
            else
            {
                logger.LogInformation("SOAP {Service} fault {Code}: {Reason}", service.Name, fault.Code, fault.LogReason);
            }

            if (!http.Response.HasStarted)
            {
                if (exception is TooManyRequestsException limited)
                {
                    Hosting.RateLimitingSetup.AnnounceRetry(http, limited);
                }

                await SoapMessageWriter.WriteAsync(
                    http, version, fault.HttpStatus, xml => SoapMessageWriter.WriteFault(xml, version, fault, service.EsfPrefix, service.FaultsCarryErrorCode));
            }
        }
    }
}
