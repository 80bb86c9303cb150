namespace Esf.Domain.Invoices;

/// <summary>What the acting enterprise is to an invoice; an enterprise that issues to itself is both.</summary>
[Flags]
public enum InvoiceRole
{
    None = 0,
    Seller = 1,
    Customer = 2,
}
