using Esf.Domain.Invoices;

namespace Esf.Infrastructure.Invoices;

/// <summary>One status change of an invoice (InvoiceInfoHistoryRecord): who moved it where, when and why.</summary>
public sealed record StatusHistoryRecord(
    long InvoiceId,
    InvoiceStatus? FromStatus,
    InvoiceStatus Status,
    DateTimeOffset DateTime,
    string UserId,
    string? Tin,
    string? Reason,
    string ClientType);
