namespace Esf.Domain.Invoices;

/// <summary>The document-flow operations of InvoiceService after registration (esf-api-facts §7.9–7.11).</summary>
public enum LifecycleOperation
{
    /// <summary>confirmInvoiceById: the customer receives the invoice → DELIVERED.</summary>
    Confirm,
    /// <summary>revokeInvoiceById: the seller declares an ORDINARY invoice invalid → REVOKED.</summary>
    Revoke,
    /// <summary>unrevokeInvoiceById: the customer objects to a revocation within its window → DELIVERED.</summary>
    Unrevoke,
    /// <summary>declineInvoiceById: the customer declines a FIXED or ADDITIONAL invoice within its window → DECLINED.</summary>
    Decline,
    /// <summary>deleteInvoiceById: the seller deletes a FAILED or an IMPORTED (not yet transferred) invoice → DELETED.</summary>
    Delete,
}
