using Esf.Domain.Rules;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Imports;

namespace Esf.Api.Rest.Imports;

/// <summary>
/// One invoice to import: its XML (InvoiceV2), unsigned, the signature type it will be transferred with (COMPANY by default) and,
/// optionally, the lines it sells through the virtual warehouse (<c>[{line, warehouseId, goodsId}]</c>, as in the upload): checked
/// at import like the rest of the control, stored with the invoice and moved when the transferred invoice registers.
/// </summary>
public sealed record ImportInvoiceItem(string? Body, string? SignatureType = null, IReadOnlyList<WarehouseLineRef>? WarehouseLines = null);

/// <summary>An import: invoices from an accounting system, checked now, transferred later.</summary>
public sealed record ImportInvoicesBody(IReadOnlyList<ImportInvoiceItem>? Invoices)
{
    public IReadOnlyList<ImportItem> ToBodies() => Invoices is { Count: > 0 } invoices
        ? [.. invoices.Select(i => new ImportItem(i?.Body ?? "", i?.SignatureType ?? SignatureCheck.Company, i?.WarehouseLines?.Where(l => l is not null).ToList()))]
        : throw EsfException.InvalidInput("The import must carry at least one invoice in 'invoices'.");
}

/// <summary>One imported invoice to transfer: its id and the Base64 signature of its body exactly as imported.</summary>
public sealed record TransferInvoiceItem(long Id, string? Signature, string? SignatureType = null);

/// <summary>A transfer: imported invoices signed with one certificate (Base64 DER or PEM).</summary>
public sealed record TransferInvoicesBody(string? Certificate, IReadOnlyList<TransferInvoiceItem>? Invoices)
{
    public IReadOnlyList<TransferItem> ToItems() => Invoices is { Count: > 0 } invoices
        ? [.. invoices.Select(i => new TransferItem(i.Id, i.Signature ?? "", i.SignatureType ?? SignatureCheck.Company))]
        : throw EsfException.InvalidInput("The transfer must carry at least one invoice in 'invoices'.");
}
