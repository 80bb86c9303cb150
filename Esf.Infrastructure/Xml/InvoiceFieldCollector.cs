using Esf.Domain.Invoices;

namespace Esf.Infrastructure.Xml;

/// <summary>Collects the header fields of an InvoiceV2 body while <see cref="InvoiceBodyReader"/> streams through it.</summary>
internal sealed class InvoiceFieldCollector
{
    private readonly List<PartyBuilder> sellers = [];
    private readonly List<PartyBuilder> customers = [];
    private string num = string.Empty;
    private string date = string.Empty;
    private string? turnoverDate;
    private string? invoiceType;

    public void Take(ElementPath path, string value)
    {
        switch (path.WithoutIndexes())
        {
            case "num":
                num = value;
                break;
            case "date":
                date = value;
                break;
            case "turnoverDate":
                turnoverDate = value;
                break;
            case "invoiceType":
                invoiceType = value;
                break;
            case "sellers.seller.tin":
                Current(sellers, path).Tin = value;
                break;
            case "sellers.seller.name":
                Current(sellers, path).Name = value;
                break;
            case "customers.customer.tin":
                Current(customers, path).Tin = value;
                break;
            case "customers.customer.name":
                Current(customers, path).Name = value;
                break;
            case "customers.customer.statuses.status" when value == "NONRESIDENT":
                Current(customers, path).IsNonResident = true;
                break;
        }
    }

    public InvoiceDocument ToDocument() => new()
    {
        Num = num,
        DateText = date,
        Date = InvoiceBodyReader.ParseDate(date),
        TurnoverDate = InvoiceBodyReader.ParseDate(turnoverDate),
        InvoiceType = invoiceType switch
        {
            "FIXED_INVOICE" => InvoiceType.FixedInvoice,
            "ADDITIONAL_INVOICE" => InvoiceType.AdditionalInvoice,
            _ => InvoiceType.OrdinaryInvoice,
        },
        Sellers = sellers.Select(s => s.Build()).ToList(),
        Customers = customers.Select(c => c.Build()).ToList(),
    };

    /// <summary>The party block the reader is inside; the index comes from the path (e.g. <c>seller[1]</c>).</summary>
    private static PartyBuilder Current(List<PartyBuilder> parties, ElementPath path)
    {
        var index = path.IndexOfSecondLevel();
        while (parties.Count <= index)
        {
            parties.Add(new PartyBuilder());
        }

        return parties[index];
    }

    private sealed class PartyBuilder
    {
        public string? Tin { get; set; }
        public string? Name { get; set; }
        public bool IsNonResident { get; set; }

        public InvoiceParty Build() => new(Tin, Name, IsNonResident);
    }
}
