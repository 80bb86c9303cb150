namespace Esf.Api.Soap;

/// <summary>
/// The <c>Esf:Soap</c> section. The request size limit of the SOAP endpoints is <c>Esf:MaxRequestBytes</c>
/// (<see cref="Infrastructure.EsfOptions.MaxRequestBytes"/>), the same limit as everywhere else.
/// </summary>
public sealed class SoapOptions
{
    public const string Section = "Esf:Soap";

    /// <summary>
    /// <c>Esf:Soap:LegacyStatusCompatibility</c> (default false). Clients generated from the 2020 InvoiceService WSDL know only
    /// 12 invoice statuses and fail to read a whole reply that contains IN_QUEUE or IN_PROCESSING. When true,
    /// queryInvoiceById leaves out invoices that are still queued or processing (rsCount 0 is the classic "still processing"
    /// signal such clients poll on), and queryInvoiceHistoryById leaves out those two steps of the history.
    /// </summary>
    public bool LegacyStatusCompatibility { get; set; }
}
