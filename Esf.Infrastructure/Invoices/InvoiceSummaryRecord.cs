using Esf.Domain.Invoices;

namespace Esf.Infrastructure.Invoices;

/// <summary>InvoiceSummary: the short form of an invoice the status operations and queryInvoiceSummary* answer with.</summary>
public sealed record InvoiceSummaryRecord(
    long InvoiceId, string Date, InvoiceStatus Status, string Num, string? CancelReason, string? RegistrationNumber, DateTimeOffset LastUpdateDate);
