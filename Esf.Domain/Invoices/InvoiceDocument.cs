using Esf.Domain.Invoices.Document;
using Esf.Domain.Rules.Document;

namespace Esf.Domain.Invoices;

/// <summary>
/// The parts of an invoice body (InvoiceV2) that the pipeline and the core rules read.
/// The body itself is stored exactly as received; this is a typed view of it.
/// </summary>
public sealed record InvoiceDocument
{
    /// <summary>Исходящий номер ЭСФ в бухгалтерии отправителя (A 1).</summary>
    public required string Num { get; init; }

    /// <summary>Дата выписки ЭСФ (A 2), as written in the body (dd.MM.yyyy).</summary>
    public required string DateText { get; init; }

    /// <summary>Дата выписки ЭСФ (A 2), parsed; null when the text is not a valid dd.MM.yyyy date.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Дата совершения оборота (A 3); null when absent or not a valid date.</summary>
    public DateOnly? TurnoverDate { get; init; }

    public InvoiceType InvoiceType { get; init; }

    /// <summary>Sellers (B): several when the invoice is replicated for participants.</summary>
    public IReadOnlyList<InvoiceParty> Sellers { get; init; } = [];

    /// <summary>Customers (C).</summary>
    public IReadOnlyList<InvoiceParty> Customers { get; init; } = [];

    /// <summary>The complete body, every element (esf-api-facts §11); the rules of the ФЛК read it.</summary>
    public InvoiceBody Body { get; init; } = new();

    /// <summary>The first seller's TIN (ИИН/БИН, B 6): the invoice's owner for numbering and uniqueness.</summary>
    public string? SellerTin => Sellers.Count > 0 ? Sellers[0].Tin : null;

    /// <summary>The first customer's TIN (C 16).</summary>
    public string? CustomerTin => Customers.Count > 0 ? Customers[0].Tin : null;

    /// <summary>The typed view of a body: the header fields the pipeline stores and indexes (number, dates, type, parties).</summary>
    public static InvoiceDocument Of(InvoiceBody body) => new()
    {
        Num = body.Num ?? string.Empty,
        DateText = body.Date ?? string.Empty,
        Date = BodyFacts.ParseDate(body.Date),
        TurnoverDate = BodyFacts.ParseDate(body.TurnoverDate),
        InvoiceType = body.InvoiceType switch
        {
            "FIXED_INVOICE" => InvoiceType.FixedInvoice,
            "ADDITIONAL_INVOICE" => InvoiceType.AdditionalInvoice,
            _ => InvoiceType.OrdinaryInvoice,
        },
        Sellers = [.. body.Sellers.Select(s => new InvoiceParty(s.Tin, s.Name))],
        Customers = [.. body.Customers.Select(c => new InvoiceParty(c.Tin, c.Name, c.Has(Categories.NonResident)))],
        Body = body,
    };
}
