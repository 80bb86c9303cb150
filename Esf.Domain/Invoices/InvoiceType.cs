namespace Esf.Domain.Invoices;

/// <summary>Kind of invoice (A 4, A 5): main, corrected (исправленный) or additional (дополнительный).</summary>
public enum InvoiceType
{
    OrdinaryInvoice,
    FixedInvoice,
    AdditionalInvoice,
}
