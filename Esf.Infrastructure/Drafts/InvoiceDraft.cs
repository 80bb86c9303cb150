namespace Esf.Infrastructure.Drafts;

/// <summary>
/// A saved draft («Черновик»): an unsigned, possibly incomplete invoice body of its enterprise, and once sent the invoice and
/// upload it became.
/// </summary>
public sealed record InvoiceDraft(
    long DraftId, string Tin, string AuthorLogin, string Body, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    long? InvoiceId, long? UploadId, DateTimeOffset? SentAt)
{
    public bool IsSent => InvoiceId is not null;
}
