namespace Esf.Infrastructure.Feed;

/// <summary>
/// One change in the feed: its position (the cursor), the document's kind and id, the move (statuses on the wire: an invoice's
/// or a waybill's; a movement's kind RECEIPT, WRITE_OFF, TRANSFER_IN or TRANSFER_OUT), when, by whom and why. A movement also
/// carries <see cref="Movement"/>; its actor is the kind of its cause and its reason the cause's reference.
/// </summary>
public sealed record FeedEvent(
    long Position, FeedKind Kind, long DocumentId, string? FromStatus, string Status, DateTimeOffset ChangedAt, DateTimeOffset FeedAt,
    string Actor, string? Tin, string? Reason, FeedMovement? Movement = null)
{
    /// <summary>The invoice's id for an invoice event (what clients before ADR 0031 read), otherwise null.</summary>
    public long? InvoiceId => Kind == FeedKind.Invoice ? DocumentId : null;
}

/// <summary>What moved in a warehouse movement: the warehouse, the goods line and the signed quantity (+ receipt, − write-off).</summary>
public sealed record FeedMovement(long WarehouseId, long GoodsId, decimal Quantity);
