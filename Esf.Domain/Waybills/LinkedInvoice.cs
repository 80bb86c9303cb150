using Esf.Domain.Invoices;
using Esf.Domain.Invoices.Document;
using Esf.Domain.Rules.Document;

namespace Esf.Domain.Waybills;

/// <summary>
/// A registered invoice issued on a document — a waybill (its 32.1) or an ЭГЗ act (32.1, or 32.3 beside a waybill): what the
/// «one invoice in force per document» rules (R004, EGZ-03) and R007 compare.
/// </summary>
public sealed record LinkedInvoice(string RegistrationNumber, string Num, DateOnly Date, InvoiceType Type, InvoiceStatus Status)
{
    /// <summary>The statuses in force: «Не просмотрен», «Доставлен» or blocked for ИС ГО; annulled, revoked, declined and failed ones free the document.</summary>
    public static IReadOnlyList<InvoiceStatus> InForce { get; } = [InvoiceStatus.Created, InvoiceStatus.Delivered, InvoiceStatus.SendToIsgo];

    public bool IsActive => InForce.Contains(Status);

    /// <summary>The invoice reference (4.1/4.2 or 5.1–5.3) names this registered invoice.</summary>
    public bool IsNamedBy(RelatedInvoice? link) => link switch
    {
        { RegistrationNumber: { Length: > 0 } number } => number.Trim() == RegistrationNumber,
        { Num: { } num } => num == Num && BodyFacts.ParseDate(link.Date) == Date,
        _ => false,
    };

    /// <summary>
    /// Another invoice on the same document is in force besides <paramref name="invoice"/>: a corrected invoice does not count
    /// the one it corrects, which its registration annuls.
    /// </summary>
    public static bool AnotherInForce(IEnumerable<LinkedInvoice> onTheDocument, InvoiceBody invoice) =>
        onTheDocument.Any(i => i.IsActive && !(invoice.InvoiceType == "FIXED_INVOICE" && i.IsNamedBy(invoice.RelatedInvoice)));
}
