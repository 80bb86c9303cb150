namespace Esf.Infrastructure.Waybills;

/// <summary>
/// The invoice to issue on a waybill, pre-filled: which table gave it («28» or «29»), its type, and the InvoiceV2 body to
/// complete (1.1, operator), sign and upload as an item of <c>POST /api/v1/invoices</c> (version, body).
/// </summary>
public sealed record PrefilledInvoice(string Table, string InvoiceType, string Version, string Body);
