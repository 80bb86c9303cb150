namespace Esf.Infrastructure.Feed;

/// <summary>InvoiceDirection: invoices the enterprise received (INBOUND) or issued (OUTBOUND); null means both.</summary>
public enum InvoiceDirection
{
    Inbound,
    Outbound,
}
