namespace Esf.Api.Rest.Rules;

/// <summary>
/// POST /api/v1/invoices/validate: the body to check, and optionally its signature, certificate (then GEN-01, B-02 and POA-01
/// run too) and signature type (COMPANY by default, or OPERATOR), and the lines it sells through the virtual warehouse as the upload
/// names them (<c>warehouseLines: [{line, warehouseId, goodsId}]</c>: then the worker's warehouse checks run too, nothing moves).
/// </summary>
public sealed record ValidateInvoiceBody(
    string? InvoiceBody, string? Signature, string? X509Certificate, string? SignatureType = null,
    IReadOnlyList<Esf.Domain.Warehouse.WarehouseLineRef>? WarehouseLines = null);
