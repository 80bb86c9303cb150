namespace Esf.Tests.Security.Isolation;

/// <summary>
/// Every operation that names an invoice by id, on both APIs. The matrix proves for each that another enterprise's id answers
/// exactly like an id that does not exist and changes nothing. New operations (confirm, decline, revoke, unrevoke, delete,
/// export, …) are one line each here; search/list operations belong in a list matrix (see docs/security.md).
/// </summary>
public static class TenantOperations
{
    public static IEnumerable<TenantOperation> All =>
    [
        TenantOperation.Soap("InvoiceService", "queryInvoiceByIdRequest"),
        TenantOperation.Soap("InvoiceService", "queryInvoiceErrorByIdRequest"),
        TenantOperation.Soap("InvoiceService", "queryInvoiceHistoryByIdRequest"),
        TenantOperation.Rest(HttpMethod.Get, "api/v1/invoices/{id}"),
        TenantOperation.Rest(HttpMethod.Get, "api/v1/invoices/{id}/status"),
        TenantOperation.Rest(HttpMethod.Get, "api/v1/invoices/{id}/history"),
    ];
}
