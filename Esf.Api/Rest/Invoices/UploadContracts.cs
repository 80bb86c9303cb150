using Esf.Domain.Rules;
using Esf.Domain.Rules.Document;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Invoices;

namespace Esf.Api.Rest.Invoices;

/// <summary>
/// One invoice to upload: the body exactly as signed, its format version, the Base64 signature and who signed. The body is a
/// JSON string on the wire, read into its UTF-8 bytes without becoming a .NET string (<see cref="Utf8Body"/>).
/// </summary>
/// <param name="WarehouseLines">
/// Optional: the lines sold through the virtual warehouse, each naming its section G line (1-based), the seller's warehouse and
/// goods line (<c>goodsId</c> of «Остатки товаров»). The worker checks G3/1, G4, G5, G15, G16, G17 against the goods line and,
/// on registration, moves the goods to the buyer's default warehouse (docs/virtual-warehouse.md).
/// </param>
public sealed record UploadInvoiceItem(
    Utf8Body Body, string Version, string Signature, string SignatureType, IReadOnlyList<WarehouseLineRef>? WarehouseLines = null);

/// <summary>An upload: invoices signed with one certificate (Base64 DER or PEM).</summary>
public sealed record UploadInvoicesBody(string Certificate, IReadOnlyList<UploadInvoiceItem> Invoices)
{
    /// <summary>
    /// A missing field of an item is passed on empty rather than refused here: the upload checks then decline that invoice
    /// with the rule it breaks, exactly as for SOAP. Only an upload with no invoices at all is malformed (refused here to name
    /// the REST field; the uploader refuses it as well, for SOAP).
    /// </summary>
    public UploadBatch ToBatch()
    {
        if (Invoices is null || Invoices.Count == 0)
        {
            throw EsfException.InvalidInput("The upload must carry at least one invoice in 'invoices'.");
        }

        var items = Invoices
            .Select(i => new UploadItem(i?.Body ?? Utf8Body.Empty, i?.Version ?? "", i?.Signature ?? "", i?.SignatureType ?? "",
                WithoutNulls(i?.WarehouseLines)))
            .ToList();
        return new UploadBatch(items, Certificate ?? "");
    }

    /// <summary>The lines as bound, copied only when the JSON had a null among them (dropped): no second list per invoice.</summary>
    private static IReadOnlyList<WarehouseLineRef>? WithoutNulls(IReadOnlyList<WarehouseLineRef>? lines) =>
        lines is null || !lines.Contains(null!) ? lines : [.. lines.Where(l => l is not null)];

    /// <summary>Gives the bodies' pooled buffers back, once the upload is answered (nothing reads them after that).</summary>
    public void ReleaseBodies()
    {
        foreach (var item in Invoices ?? [])
        {
            item?.Body?.Release();
        }
    }
}

/// <summary>An accepted invoice; its dd.MM.yyyy date answered ISO, like every date of the JSON API (ADR 0006).</summary>
public sealed record AcceptedInvoiceView(int Index, long Id, string Num, DateOnly? Date);

/// <summary>A declined invoice; <c>date</c> is null when the body's date could not be read (its errors say so).</summary>
public sealed record DeclinedInvoiceView(int Index, string Num, DateOnly? Date, IReadOnlyList<RuleViolation> Errors);

/// <summary>
/// The answer to an upload. Accepted invoices are queued (IN_QUEUE) and registered asynchronously: poll their status.
/// Declined ones were not stored; their errors say why.
/// </summary>
public sealed record UploadResponse(
    long? UploadId, IReadOnlyList<AcceptedInvoiceView> Accepted, IReadOnlyList<DeclinedInvoiceView> Declined)
{
    public static UploadResponse From(UploadResult result) => new(
        result.UploadId,
        result.Accepted.Select(a => new AcceptedInvoiceView(a.Index, a.InvoiceId!.Value, a.Num, BodyFacts.ParseDate(a.Date))).ToList(),
        result.Declined.Select(d => new DeclinedInvoiceView(d.Index, d.Num, BodyFacts.ParseDate(d.Date), d.Errors)).ToList());
}
