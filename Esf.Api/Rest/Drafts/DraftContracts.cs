using Esf.Domain.Invoices;
using Esf.Domain.Rules.Document;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Drafts;
using Esf.Infrastructure.Xml;

namespace Esf.Api.Rest.Drafts;

/// <summary>
/// A draft to save or the new content of one: the invoice XML (InvoiceV2), complete or not, unsigned, and optionally the lines it
/// sells through the virtual warehouse (<c>[{line, warehouseId, goodsId}]</c>, as the upload names them), passed on when it is sent.
/// </summary>
public sealed record DraftBody(string? Body, IReadOnlyList<WarehouseLineRef>? WarehouseLines = null)
{
    public DraftContent ToContent() => new(Body, WarehouseLines);
}

/// <summary>
/// What POST /api/v1/drafts/{id}/send takes: the signature of the draft's body exactly as saved, the certificate (Base64 DER or
/// PEM), the signature type (COMPANY by default, or OPERATOR) and the format version (InvoiceV2 by default).
/// </summary>
public sealed record SendDraftBody(string? Certificate, string? Signature, string? SignatureType = null, string? Version = null);

/// <summary>What POST /api/v1/drafts/{id}/validate takes: optionally the signature and certificate (then the signature rules run too).</summary>
public sealed record ValidateDraftBody(string? Signature = null, string? X509Certificate = null, string? SignatureType = null);

/// <summary>
/// A draft. <c>status</c> is DRAFT («Черновик») while it can be edited and SENT once it became an upload (<c>invoiceId</c>);
/// <c>num</c>, <c>date</c> and <c>customerTin</c> are read from the body when it has them.
/// </summary>
public sealed record DraftView(
    long Id, string Status, string Body, string? Num, DateOnly? Date, string? CustomerTin, string AuthorLogin,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long? InvoiceId, long? UploadId, DateTimeOffset? SentAt, IReadOnlyList<WarehouseLineRef> WarehouseLines)
{
    public const string SentStatus = "SENT";

    public static DraftView From(InvoiceDraft draft)
    {
        var document = InvoiceBodyReader.Read(draft.Body).Document;
        return new DraftView(
            draft.DraftId, draft.IsSent ? SentStatus : InvoiceStatus.Draft.ToWire(), draft.Body, document?.Num, BodyFacts.ParseDate(document?.DateText),
            document?.CustomerTin, draft.AuthorLogin, draft.CreatedAt, draft.UpdatedAt, draft.InvoiceId, draft.UploadId, draft.SentAt, draft.WarehouseLines);
    }
}

/// <summary>A page of the enterprise's unsent drafts, oldest first; <c>next</c> is the <c>after</c> of the next page (null: none).</summary>
public sealed record DraftPage(IReadOnlyList<DraftView> Drafts, long? Next);
