using Esf.Domain.Invoices.Document;
using static Esf.Domain.Rules.Document.Define;

namespace Esf.Domain.Rules.Document;

/// <summary>Section A (general) and the relatedInvoice link, decided from the body alone.</summary>
public static class SectionARules
{
    public static IReadOnlyList<IDocumentRule> All { get; } =
    [
        Doc("A-01", "FIELD_IS_NULL", "Не заполнено обязательное поле 1.1 «Номер учетной системы»",
            "Field 1.1 (accounting-system number) is mandatory", "spec-invoice §5.2, L369–381", ["num"],
            b => When(b.Num.IsBlank(), "num")),
        Doc("A-04", "WRONG_DATE", "Поле 3 «Дата совершения оборота» обязательно и должно быть датой в формате дд.мм.гггг",
            "Field 3 (turnover date) is mandatory and must be a dd.MM.yyyy date", "spec-invoice §5.2, L393–402", ["turnoverDate"],
            b => When(BodyFacts.ParseDate(b.TurnoverDate) is null, "turnoverDate")),
        Doc("A-05", "WRONG_TYPE", "Ссылка на основной ЭСФ (5.1–5.3) заполняется только в исправленном или дополнительном ЭСФ",
            "relatedInvoice is filled only on a corrected or additional invoice, and is required there", "spec-invoice §5.2, L404–432; Rules item 31",
            ["invoiceType", "relatedInvoice"],
            b => When((b.RelatedInvoice is not null) != (b.IsFixed() || b.IsAdditional()), "relatedInvoice"),
            "Fields 4 and 5 are one enumeration (invoiceType), so «both marked» cannot be written; the check that remains is that the link is present exactly on FIXED/ADDITIONAL invoices."),
        Doc("A-06", "WRONG_DATE", "Дата ссылки на основной ЭСФ должна быть датой в формате дд.мм.гггг, не позднее даты выписки",
            "relatedInvoice.date must be a dd.MM.yyyy date not after the invoice date", "Rules item 31 (refs 5.1–5.3)", ["relatedInvoice.date", "date"],
            b => When(b.RelatedInvoice is { } r && (BodyFacts.ParseDate(r.Date) is not { } d || BodyFacts.ParseDate(b.Date) is { } i && d > i),
                "relatedInvoice.date"),
            "Our id: the manual gives no check for the reference date; an original cannot be issued after the invoice that refers to it."),
        Doc("DL-09", "WRONG_DATE", "Дополнительный ЭСФ выписывается не ранее даты корректировки (поле 3) и не позднее 15 календарных дней после нее",
            "An additional invoice is issued no earlier than its adjustment date (field 3) and within 15 calendar days after it",
            "spec-invoice §5.12, L2077–2079; Tax Code art. 412", ["date", "turnoverDate", "invoiceType"],
            b => When(b.IsAdditional() && BodyFacts.ParseDate(b.Date) is { } i && BodyFacts.ParseDate(b.TurnoverDate) is { } t
                && (i < t || i > t.AddDays(15)), "date")),
        Doc("DL-10", "MAIN_AND_FIXED_INVOICES_DATE_RANGE_INVALID", "Исправленный ЭСФ выписывается в пределах 5 лет с даты выписки основного ЭСФ",
            "A corrected invoice is issued within 5 years of the original's issue date", "spec-invoice §5.12, L2235–2238 (COR-04)",
            ["date", "relatedInvoice.date"],
            b => When(b.IsFixed() && BodyFacts.ParseDate(b.Date) is { } i && BodyFacts.ParseDate(b.RelatedInvoice?.Date) is { } o
                && i > o.AddYears(5), "date"),
            "COR-04 is the same check and is reported under DL-10. The original's date is taken from relatedInvoice.date; ADD-01/COR-01 make sure it is the real one."),
        Doc("DL-08", "WRONG_DATE", "ЭСФ не может быть выписан позднее срока исковой давности (3 года) после даты совершения оборота",
            "An invoice cannot be issued later than the limitation period (3 years) after the turnover date",
            "spec-invoice §5.12, L297–306; Tax Code art. 48", ["date", "turnoverDate", "invoiceType"],
            b => When(!b.IsAdditional() && !b.IsFixed() && BodyFacts.ParseDate(b.Date) is { } i && BodyFacts.ParseDate(b.TurnoverDate) is { } t
                && i > t.AddYears(3), "date"),
            "Table 17 has 18 cases and no field names the case, so the gateway enforces the bound common to every case: not later than the limitation period. The narrower cases DL-01…DL-07 are not enforced (see the decided-against list)."),
    ];
}
