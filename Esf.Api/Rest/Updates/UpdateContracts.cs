using Esf.Infrastructure.Feed;

namespace Esf.Api.Rest.Updates;

/// <summary>A page of the change feed: the events and the cursor to pass as <c>?cursor=</c> next time.</summary>
public sealed record UpdatesPage(IReadOnlyList<UpdateEvent> Events, string Cursor, bool HasMore)
{
    public static UpdatesPage From(FeedPage page) => new([.. page.Events.Select(UpdateEvent.From)], CursorText(page.Cursor), page.HasMore);

    public static string CursorText(long position) => position.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// One change of a document the enterprise sees: <c>kind</c> INVOICE, WAYBILL, MOVEMENT or WAREHOUSE_FORM and its <c>documentId</c>;
/// <c>invoiceId</c> is set for invoices only (as before ADR 0031). The statuses are the invoice's or the waybill's; a
/// movement's status is its kind (RECEIPT, WRITE_OFF, TRANSFER_IN, TRANSFER_OUT), its actor the kind of its cause, its reason
/// the cause's reference, and <c>movement</c> says what moved. A warehouse form's event is its verdict (QUEUED → PROCESSED, or
/// ERROR with the reason), seen by the form's sender only.
/// </summary>
public sealed record UpdateEvent(
    string Cursor, string Kind, long DocumentId, long? InvoiceId, string? FromStatus, string Status, DateTimeOffset ChangedAt, string Actor,
    string? Tin, string? Reason, FeedMovement? Movement)
{
    public static UpdateEvent From(FeedEvent e) => new(
        UpdatesPage.CursorText(e.Position), e.Kind.ToWire(), e.DocumentId, e.InvoiceId, e.FromStatus, e.Status, e.ChangedAt, e.Actor, e.Tin,
        e.Reason, e.Movement);
}
