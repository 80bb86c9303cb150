namespace Esf.Infrastructure.Drafts;

/// <summary>
/// A saved draft («Черновик»): an unsigned, possibly incomplete invoice body of its enterprise, and once sent the invoice and
/// upload it became. <see cref="WarehouseLines"/>: the lines it sells through the virtual warehouse (empty: none), passed on to
/// the upload when it is sent.
/// </summary>
public sealed record InvoiceDraft(
    long DraftId, string Tin, string AuthorLogin, string Body, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    long? InvoiceId, long? UploadId, DateTimeOffset? SentAt, IReadOnlyList<Domain.Warehouse.WarehouseLineRef> WarehouseLines)
{
    public bool IsSent => InvoiceId is not null;
}
