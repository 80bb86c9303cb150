namespace Esf.Api.Soap;

/// <summary>Settings of the SOAP endpoints (configuration keys in the property docs).</summary>
public sealed class SoapOptions
{
    /// <summary>Default request limit: the largest client setting seen for ESF (WCF's MaxReceivedMessageSize of 20 000 000 bytes).</summary>
    public const long DefaultMaxRequestBytes = 20_000_000;

    /// <summary><c>Esf:MaxRequestBytes</c>: the largest request body accepted; larger requests get HTTP 413 with a soap:Client fault.</summary>
    public long MaxRequestBytes { get; set; } = DefaultMaxRequestBytes;

    /// <summary>
    /// <c>Esf:Soap:LegacyStatusCompatibility</c> (default false). Clients generated from the 2020 InvoiceService WSDL know only
    /// 12 invoice statuses and fail to read a whole reply that contains IN_QUEUE or IN_PROCESSING. When true,
    /// queryInvoiceById leaves out invoices that are still queued or processing (rsCount 0 is the classic "still processing"
    /// signal such clients poll on), and queryInvoiceHistoryById leaves out those two steps of the history.
    /// </summary>
    public bool LegacyStatusCompatibility { get; set; }
}
