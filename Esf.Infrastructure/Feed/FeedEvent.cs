using Esf.Domain.Invoices;

namespace Esf.Infrastructure.Feed;

/// <summary>One status change in the feed: its position (the cursor), the invoice, the move, when, by whom and why.</summary>
public sealed record FeedEvent(
    long Position, long InvoiceId, InvoiceStatus? FromStatus, InvoiceStatus Status, DateTimeOffset ChangedAt, DateTimeOffset FeedAt,
    string Actor, string? Tin, string? Reason);
