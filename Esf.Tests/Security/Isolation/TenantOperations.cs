namespace Esf.Tests.Security.Isolation;

/// <summary>
/// Every operation that names one invoice (by id or by key), on both APIs. The matrix proves for each that another
/// enterprise's invoice answers exactly like one that does not exist and changes nothing. Operations that list invoices are
/// in <see cref="TenantOperations"/>.
/// </summary>
public static class TenantOperations
{
    public static IEnumerable<TenantOperation> All =>
    [
        TenantOperation.Soap("InvoiceService", "queryInvoiceByIdRequest"),
        TenantOperation.Soap("InvoiceService", "queryInvoiceErrorByIdRequest"),
        TenantOperation.Soap("InvoiceService", "queryInvoiceHistoryByIdRequest"),
        TenantOperation.Soap("InvoiceService", "queryInvoiceSummaryByIdRequest"),
        TenantOperation.SoapByKey("queryInvoiceByKeyRequest"),
        TenantOperation.SoapByKey("queryInvoiceSummaryByKeyRequest"),
        TenantOperation.Soap("InvoiceService", "confirmInvoiceByIdRequest"),
        TenantOperation.SoapWithReason("declineInvoiceByIdRequest"),
        TenantOperation.SoapWithReason("revokeInvoiceByIdRequest"),
        TenantOperation.SoapWithReason("unrevokeInvoiceByIdRequest"),
        TenantOperation.SoapDelete(),
        TenantOperation.Rest(HttpMethod.Get, "api/v1/invoices/{id}"),
        TenantOperation.Rest(HttpMethod.Get, "api/v1/invoices/{id}/status"),
        TenantOperation.Rest(HttpMethod.Get, "api/v1/invoices/{id}/history"),
        TenantOperation.Rest(HttpMethod.Get, "api/v1/invoices/{id}/print?format=pdf"),
        TenantOperation.Rest(HttpMethod.Get, "api/v1/invoices/{id}/print?format=html"),
        TenantOperation.Journal("journal/invoices/{id}"),
        TenantOperation.Journal("journal/invoices/{id}/print?format=pdf"),
        TenantOperation.Rest(HttpMethod.Post, "api/v1/invoices/{id}/confirm"),
        TenantOperation.RestSigned("decline"),
        TenantOperation.RestSigned("revoke"),
        TenantOperation.RestSigned("unrevoke"),
        TenantOperation.RestSigned("delete", withReason: false),
    ];
}
