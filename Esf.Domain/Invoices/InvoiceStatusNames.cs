using Esf.Domain.Lifecycle;

namespace Esf.Domain.Invoices;

/// <summary>The wire names of <see cref="InvoiceStatus"/> (e.g. <c>IN_QUEUE</c>), used by SOAP, REST and the database.</summary>
public static class InvoiceStatusNames
{
    public static string ToWire(this InvoiceStatus status) => WireNames<InvoiceStatus>.ToWire(status);

    public static bool TryParse(string wire, out InvoiceStatus status) => WireNames<InvoiceStatus>.TryParse(wire, out status);

    public static InvoiceStatus Parse(string wire) => WireNames<InvoiceStatus>.Parse(wire);
}
