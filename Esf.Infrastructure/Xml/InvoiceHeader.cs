using Esf.Domain.Invoices;
using Esf.Domain.Invoices.Document;

namespace Esf.Infrastructure.Xml;

/// <summary>The header fields the pipeline stores and indexes (number, dates, type, parties), taken from the full model.</summary>
public static class InvoiceHeader
{
    public static InvoiceDocument Of(InvoiceBody body) => new()
    {
        Num = body.Num ?? string.Empty,
        DateText = body.Date ?? string.Empty,
        Date = InvoiceBodyReader.ParseDate(body.Date),
        TurnoverDate = InvoiceBodyReader.ParseDate(body.TurnoverDate),
        InvoiceType = body.InvoiceType switch
        {
            "FIXED_INVOICE" => InvoiceType.FixedInvoice,
            "ADDITIONAL_INVOICE" => InvoiceType.AdditionalInvoice,
            _ => InvoiceType.OrdinaryInvoice,
        },
        Sellers = [.. body.Sellers.Select(s => new InvoiceParty(s.Tin, s.Name, false))],
        Customers = [.. body.Customers.Select(c => new InvoiceParty(c.Tin, c.Name, c.Has("NONRESIDENT")))],
        Body = body,
    };
}
