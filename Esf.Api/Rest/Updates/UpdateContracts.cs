using Esf.Domain.Invoices;
using Esf.Infrastructure.Feed;

namespace Esf.Api.Rest.Updates;

/// <summary>A page of the change feed: the events and the cursor to pass as <c>?cursor=</c> next time.</summary>
public sealed record UpdatesPage(IReadOnlyList<UpdateEvent> Events, string Cursor, bool HasMore)
{
    public static UpdatesPage From(FeedPage page) => new([.. page.Events.Select(UpdateEvent.From)], CursorText(page.Cursor), page.HasMore);

    public static string CursorText(long position) => position.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One status change of an invoice the enterprise sees.</summary>
public sealed record UpdateEvent(
    string Cursor, long InvoiceId, string? FromStatus, string Status, DateTimeOffset ChangedAt, string Actor, string? Tin, string? Reason)
{
    public static UpdateEvent From(FeedEvent e) => new(
        UpdatesPage.CursorText(e.Position), e.InvoiceId, e.FromStatus?.ToWire(), e.Status.ToWire(), e.ChangedAt, e.Actor, e.Tin, e.Reason);
}
