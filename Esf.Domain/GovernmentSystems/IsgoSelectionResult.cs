namespace Esf.Domain.GovernmentSystems;

/// <summary>The counterparty of an accepted selection, or the invoice refused with its error code and reason.</summary>
public sealed record IsgoSelectionResult(string? Counterparty, long? RefusedInvoiceId, string? ErrorCode, string? Reason)
{
    public bool Allowed => ErrorCode is null;

    public static IsgoSelectionResult Refuse(long invoiceId, string errorCode, string reason) => new(null, invoiceId, errorCode, reason);
}
