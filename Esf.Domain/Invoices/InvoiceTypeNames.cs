namespace Esf.Domain.Invoices;

/// <summary>The wire names of <see cref="InvoiceType"/> (abstractInvoice.esf InvoiceType).</summary>
public static class InvoiceTypeNames
{
    public static string ToWire(InvoiceType type) => type switch
    {
        InvoiceType.FixedInvoice => "FIXED_INVOICE",
        InvoiceType.AdditionalInvoice => "ADDITIONAL_INVOICE",
        _ => "ORDINARY_INVOICE",
    };
}
