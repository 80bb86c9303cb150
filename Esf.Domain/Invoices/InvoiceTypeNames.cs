using Esf.Domain.Lifecycle;

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

    /// <summary>The type of a wire name (the members in UPPER_SNAKE, as <see cref="ToWire"/> writes them).</summary>
    public static InvoiceType Parse(string wire) => WireNames<InvoiceType>.Parse(wire);
}
