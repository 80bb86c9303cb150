using Esf.Domain.Invoices.Document;
using Esf.Domain.Rules.Document;
using Esf.Domain.Waybills;

namespace Esf.Domain.Rules.Registration.Snt;

/// <summary>
/// An invoice issued on a waybill, resolved: the invoice, the registered waybill its section F (32.1, a 42-digit number) names,
/// and the invoice Tables 28/29 give from that waybill (<see cref="InvoicePrefill"/>), which is the reference of every
/// «must equal the waybill» check (spec-snt §8.2). An invoice whose 32.1 is not a waybill number is not SNT-based.
/// </summary>
public sealed class SntBasis
{
    private readonly Lazy<InvoiceBody> expected;
    private readonly Lazy<Dictionary<string, Product>> expectedLines;

    private SntBasis(RegistrationContext context, RegisteredWaybill waybill)
    {
        Context = context;
        Waybill = waybill;
        // Only the read-only fields of the reference are compared, so its date and link are placeholders.
        expected = new(() => InvoicePrefill.For(waybill.Document, Invoice.Date is { } d ? BodyFacts.ParseDate(d) ?? default : default,
            IsReturn ? new RelatedInvoice() : null).Body);
        expectedLines = new(() => Expected.ProductSet.Products.GroupBy(p => p.ProductNumberInSnt!).ToDictionary(g => g.Key, g => g.First()));
    }

    public RegistrationContext Context { get; }

    public RegisteredWaybill Waybill { get; }

    public InvoiceBody Invoice => Context.Document.Body;

    public WaybillDocument Snt => Waybill.Document;

    /// <summary>Table 29 (an additional invoice on a return waybill) rather than Table 28.</summary>
    public bool IsReturn => Snt.Type == WaybillType.Return;

    /// <summary>The invoice Tables 28/29 give from the waybill.</summary>
    public InvoiceBody Expected => expected.Value;

    /// <summary>The invoice's lines that name a line of the waybill (G1 «section/position»), with the line the tables give for it.</summary>
    public IEnumerable<(Product Line, int Index, Product Expected)> MatchedLines =>
        Invoice.Lines().Where(x => x.Product.ProductNumberInSnt is { } key && expectedLines.Value.ContainsKey(key.Trim()))
            .Select(x => (x.Product, x.Index, expectedLines.Value[x.Product.ProductNumberInSnt!.Trim()]));

    public IReadOnlyCollection<string> WaybillLineKeys => expectedLines.Value.Keys;

    /// <summary>Another registered waybill by its number (the primary of a corrected one, the waybill a return returns).</summary>
    public RegisteredWaybill? Find(string? registrationNumber) =>
        registrationNumber is { } number ? Context.Registry.Waybills?.Find(number.Trim()) : null;

    /// <summary>The registration number an SNT-based invoice names in 32.1, or null when 32.1 is not a waybill number.</summary>
    public static string? NumberOf(InvoiceBody invoice) =>
        invoice.DeliveryDocNum?.Trim() is { } number && WaybillRegistrationNumber.IsWellFormed(number) ? number : null;

    /// <summary>The basis of an SNT-based invoice, or null when it is not one or its waybill cannot be found.</summary>
    public static SntBasis? Of(RegistrationContext context) =>
        NumberOf(context.Document.Body) is { } number && context.Registry.Waybills?.Find(number) is { } waybill
            ? new SntBasis(context, waybill with { Document = waybill.Document with { RegistrationNumber = number } })
            : null;
}
